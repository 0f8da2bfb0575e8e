using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// Leaves out fillers at a clause start (嗯, 呃, 哎, 那个，, 就是说，), as Whisper does with disfluencies. A segment that
/// is nothing but a filler (a customer's 嗯。) keeps it: the segment itself stays, as the speaker's turn did.
/// </summary>
internal static partial class FillerWriter
{
    public static string Rewrite(string text, NoiseDice dice)
    {
        var rewritten = Filler().Replace(text, m => dice.Roll(AsrChange.Filler) ? "" : m.Value);
        return Spoken().IsMatch(rewritten) ? rewritten : text;
    }

    [GeneratedRegex(@"(?<=^|[，。？！、；,.?!\s])(?:(?:嗯+|呃+|额|哎|唉)(?![呀哟呦嗯])[，、…,]*|(?:那个|这个|就是说|就是|然后)[，、…,]+)")]
    private static partial Regex Filler();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}0-9A-Za-z]")]
    private static partial Regex Spoken();
}
