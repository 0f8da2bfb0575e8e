using System.Buffers;
using System.Collections.Frozen;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// Puts regional words into standard Mandarin before the rules and the dialogue state read a sentence (甚时候 → 啥时候,
/// 额们 → 我们, 莫得 → 没有). Each author of regional calls brought words the rules had never been written for; spelling
/// every one into every pattern does not generalise, one table does. Replacements keep the text's length (the table is
/// checked for it), so rule evidence offsets still point into the transcript as stored. A word is replaced only where
/// jieba cuts it as a word of its own or as a run of whole words (额 in 金额 stays), or at the start of a word jieba's HMM
/// made up from unknown characters (额家 → 我家).
/// </summary>
public sealed class DialectWords
{
    private readonly FrozenDictionary<string, string> _standard;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly SearchValues<string> _words;
    private readonly int _longest;
    private readonly WordSegmenter _segmenter;

    private DialectWords(Dictionary<string, string> standard, WordSegmenter segmenter)
    {
        _standard = standard.ToFrozenDictionary(StringComparer.Ordinal);
        _bySpan = _standard.GetAlternateLookup<ReadOnlySpan<char>>();
        _words = SearchValues.Create([.. standard.Keys], StringComparison.Ordinal);
        _longest = standard.Count == 0 ? 0 : standard.Keys.Max(k => k.Length);
        _segmenter = segmenter;
    }

    /// <summary>Reads <c>方言词&lt;TAB&gt;普通话词</c> lines (# comments); a line that is not two words of one length is an error naming file:line.</summary>
    public static DialectWords Load(string path, WordSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TwoColumnTable.Read(path, "应为“方言词<TAB>普通话词” expected 'regional<TAB>standard'"))
        {
            if (row.Key.Length != row.Value.Length)
                throw new FormatException($"{path}:{row.Line}: 两边须等长（证据位置指向原转写） both sides must have the same length, got '{row.Key}' → '{row.Value}'");
            if (!standard.TryAdd(row.Key, row.Value))
                throw new FormatException($"{path}:{row.Line}: 重复的方言词 '{row.Key}' listed twice");
        }
        return new DialectWords(standard, segmenter);
    }

    /// <summary>The transcript with each segment standardised (the same object when nothing changed); <paramref name="memo"/>,
    /// the call's segmentation memo, saves cutting a sentence the call's other readers cut too.</summary>
    public Transcript Standardise(Transcript transcript, SegmentationMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        List<TranscriptSegment>? segments = null;
        for (var i = 0; i < transcript.Segments.Count; i++)
        {
            var segment = transcript.Segments[i];
            var text = Standardise(segment.Text, memo);
            if (ReferenceEquals(text, segment.Text))
                continue;
            segments ??= [.. transcript.Segments];
            segments[i] = segment with { Text = text };
        }
        return segments is null ? transcript : transcript with { Segments = segments };
    }

    /// <summary>The text with regional words replaced (the same string when there were none).</summary>
    public string Standardise(string text, SegmentationMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most sentences hold none of the table's words: no segmentation for them (什么 holds 么, 阿姨 holds 阿 — only the
        // whole regional word sends a sentence to jieba).
        if (_standard.Count == 0 || text.AsSpan().IndexOfAny(_words) < 0)
            return text;
        var words = (memo ?? new SegmentationMemo(_segmenter)).Spans(text);
        char[]? standardised = null;
        for (var w = 0; w < words.Count; w++)
        {
            // A whole word, or a run of whole words (jieba cuts 啷个 into 啷 + 个), that the table knows; the longest wins.
            var matched = 0;
            var runLength = 0;
            for (var last = w; last < words.Count; last++)
            {
                runLength += words[last].Length;
                if (runLength > _longest)
                    break;
                if (_bySpan.TryGetValue(text.AsSpan(words[w].Start, runLength), out var standard))
                {
                    standard.CopyTo((standardised ??= text.ToCharArray()).AsSpan(words[w].Start));
                    matched = last - w + 1;
                }
            }
            if (matched > 0)
            {
                w += matched - 1;
                continue;
            }
            // A word the dictionary does not know was made up by the HMM from unknown characters: its regional start counts.
            var word = text.AsSpan(words[w].Start, words[w].Length);
            if (word.Length < 2 || _segmenter.Frequency(word) is > 0)
                continue;
            for (var length = Math.Min(_longest, word.Length - 1); length >= 1; length--)
            {
                if (_bySpan.TryGetValue(word[..length], out var start))
                {
                    start.CopyTo((standardised ??= text.ToCharArray()).AsSpan(words[w].Start));
                    break;
                }
            }
        }
        return standardised is null ? text : new string(standardised);
    }
}
