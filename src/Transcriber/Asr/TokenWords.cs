using System.Text;

namespace SpeechQa.Transcriber.Asr;

/// <summary>A piece of recognised text with its time in the call and Whisper's probability for it.</summary>
public sealed record RecognisedWord(string Text, double Start, double End, double Probability);

/// <summary>
/// Turns Whisper's tokens back into text and timed words from the vocabulary's bytes. Byte-level BPE often
/// splits one Chinese character over two tokens; decoding each token alone gives U+FFFD halves, so tokens are
/// joined until their bytes form whole characters, and that run becomes one word.
/// </summary>
public sealed class TokenWords(GgmlWhisperFile model)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A token as whisper.cpp reports it: id, times relative to the window in 10 ms units, probability.</summary>
    public readonly record struct Token(int Id, long Start, long End, float Probability);

    public bool IsText(int id) => id >= 0 && id < model.EndOfText && id < model.Vocabulary.Count;

    public string Text(IEnumerable<Token> tokens)
    {
        var bytes = new List<byte>();
        foreach (var token in tokens.Where(t => IsText(t.Id)))
            bytes.AddRange(model.Vocabulary[token.Id]);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public IReadOnlyList<RecognisedWord> Words(IEnumerable<Token> tokens, SpeechWindow window)
    {
        var words = new List<RecognisedWord>();
        var pending = new List<byte>();
        var run = new List<Token>();
        foreach (var token in tokens.Where(t => IsText(t.Id)))
        {
            pending.AddRange(model.Vocabulary[token.Id]);
            run.Add(token);
            if (!TryDecode(pending, out var text))
                continue;
            if (text.Trim().Length > 0)
                words.Add(Word(text.Trim(), run, window));
            pending.Clear();
            run.Clear();
        }
        return words;
    }

    private static RecognisedWord Word(string text, List<Token> run, SpeechWindow window)
    {
        var start = window.Absolute(run[0].Start / 100.0);
        var end = Math.Max(start, window.Absolute(run[^1].End / 100.0));
        return new RecognisedWord(text, Math.Round(start, 2), Math.Round(end, 2), Math.Round(run.Average(t => t.Probability), 4));
    }

    private static bool TryDecode(List<byte> bytes, out string text)
    {
        try
        {
            text = Strict.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            // A run that can never become valid (more than one character's worth of bytes) is given up as is.
            if (bytes.Count > 8)
            {
                text = Encoding.UTF8.GetString(bytes.ToArray());
                return true;
            }
            return false;
        }
    }
}
