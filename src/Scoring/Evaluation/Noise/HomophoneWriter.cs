using System.Text;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>Writes domain words of <see cref="AsrHomophones"/> as a same-sounding word, each occurrence at the level.</summary>
internal static class HomophoneWriter
{
    public static string Rewrite(string text, NoiseDice dice)
    {
        var written = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var word = LongestWordAt(text, at);
            if (word is null)
            {
                written.Append(text[at++]);
                continue;
            }
            var heard = AsrHomophones.ByWord[word];
            written.Append(dice.Roll(AsrChange.Homophone) ? heard[dice.Pick(heard.Count)] : word);
            at += word.Length;
        }
        return written.ToString();
    }

    private static string? LongestWordAt(string text, int at)
    {
        for (var length = Math.Min(AsrHomophones.LongestWord, text.Length - at); length >= 2; length--)
        {
            var candidate = text.Substring(at, length);
            if (AsrHomophones.ByWord.ContainsKey(candidate))
                return candidate;
        }
        return null;
    }
}
