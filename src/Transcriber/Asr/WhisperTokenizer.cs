using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Whisper's byte-level BPE tokenizer, read from a model folder in the Hugging Face layout (vocab.json,
/// added_tokens.json). Text is split with GPT-2's pattern, each piece's UTF-8 bytes are mapped to printable
/// characters and merged as OpenAI's tiktoken does: always the adjacent pair whose merged token has the lowest
/// rank, where a token's rank is its id. merges.txt is not used: the exported Whisper merges.txt lacks the
/// merge "Ġ t" (its first line is taken by the "#version" header), so following it splits " the" wrongly. Special tokens (&lt;|zh|&gt;, &lt;|transcribe|&gt;…) come from
/// added_tokens.json; timestamp tokens follow them (&lt;|0.00|&gt; … &lt;|30.00|&gt; in 0.02 s steps).
/// Immutable after loading except for a thread-safe cache of merged pieces.
/// </summary>
public sealed partial class WhisperTokenizer
{
    public const string EndOfText = "<|endoftext|>";
    public const string StartOfTranscript = "<|startoftranscript|>";
    public const string Transcribe = "<|transcribe|>";
    public const string NoTimestamps = "<|notimestamps|>";

    private readonly Dictionary<string, int> _vocabulary;
    private readonly string[] _tokensById;
    private readonly Dictionary<string, int> _special;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, (byte)b)).ToDictionary(x => x.c, x => x.Item2);

    private WhisperTokenizer(Dictionary<string, int> vocabulary, Dictionary<string, int> special)
    {
        _vocabulary = vocabulary;
        _special = special;
        var size = Math.Max(vocabulary.Values.Max(), special.Values.Max()) + 1;
        _tokensById = new string[size];
        foreach (var (token, id) in vocabulary)
            _tokensById[id] = token;
        foreach (var (token, id) in special)
            _tokensById[id] = token;
        TimestampBegin = special.Values.Max() + 1;
    }

    /// <summary>Id of &lt;|0.00|&gt;; each following id is 0.02 s later.</summary>
    public int TimestampBegin { get; }

    public int EndOfTextId => SpecialTokenId(EndOfText);

    public static WhisperTokenizer Load(string folder)
    {
        string Read(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"Whisper tokenizer file {name} is missing in {folder}", path);
        }
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(Read("vocab.json"))!;
        var special = JsonSerializer.Deserialize<Dictionary<string, int>>(Read("added_tokens.json"))!;
        if (vocabulary.TryGetValue(EndOfText, out var eot))
            special.TryAdd(EndOfText, eot);
        return new WhisperTokenizer(vocabulary, special);
    }

    public int SpecialTokenId(string token) =>
        _special.TryGetValue(token, out var id) ? id : throw new KeyNotFoundException($"'{token}' is not a special token of this tokenizer");

    public int LanguageTokenId(string language) => SpecialTokenId($"<|{language}|>");

    public int TimestampTokenId(double seconds) => TimestampBegin + (int)Math.Round(seconds / 0.02);

    public bool IsTimestamp(int id) => id >= TimestampBegin;

    public bool IsSpecial(int id) => id >= EndOfTextId;

    /// <summary>Ordinary text to token ids (special-token spellings in the text are not interpreted).</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (Match piece in PreTokenizer().Matches(text))
            ids.AddRange(_cache.GetOrAdd(piece.Value, EncodePiece));
        return ids;
    }

    /// <summary>Token ids to text. Bytes of a character split across tokens are joined before UTF-8 decoding.</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecial = true)
    {
        var text = new StringBuilder();
        var bytes = new List<byte>();
        void Flush()
        {
            text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
        foreach (var id in ids)
        {
            if (IsSpecial(id))
            {
                if (skipSpecial)
                    continue;
                Flush();
                text.Append(IsTimestamp(id) ? string.Create(CultureInfo.InvariantCulture, $"<|{(id - TimestampBegin) * 0.02:0.00}|>") : _tokensById[id]);
                continue;
            }
            foreach (var c in _tokensById[id])
                bytes.Add(CharToByte[c]);
        }
        Flush();
        return text.ToString();
    }

    private int[] EncodePiece(string piece)
    {
        var symbols = Encoding.UTF8.GetBytes(piece).Select(b => ByteToChar[b].ToString()).ToList();
        while (symbols.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i < symbols.Count - 1; i++)
            {
                if (_vocabulary.TryGetValue(symbols[i] + symbols[i + 1], out var rank) && rank < bestRank)
                    (best, bestRank) = (i, rank);
            }
            if (best < 0)
                break;
            symbols[best] += symbols[best + 1];
            symbols.RemoveAt(best + 1);
        }
        return symbols.Select(s => _vocabulary.TryGetValue(s, out var id) ? id : throw new InvalidDataException($"BPE produced '{s}', which is not in vocab.json")).ToArray();
    }

    /// <summary>GPT-2's map from bytes to printable characters (printable Latin-1 stays, the rest moves to 256+).</summary>
    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }

    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex PreTokenizer();
}
