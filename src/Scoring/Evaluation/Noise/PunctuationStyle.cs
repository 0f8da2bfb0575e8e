using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// How one ASR run punctuates (picked once per call, applied to each segment at the level): no marks at all, a
/// space where a mark was (Whisper's habit on Chinese without a punctuated prompt), or other marks — half-width
/// ones, a question written as a statement, a full stop as a comma.
/// </summary>
internal enum PunctuationStyle
{
    None,
    Spaces,
    Changed,
}

internal static partial class PunctuationWriter
{
    public static string Rewrite(string text, PunctuationStyle style, NoiseDice dice) => style switch
    {
        PunctuationStyle.None => Mark().Replace(text, "").Trim(),
        PunctuationStyle.Spaces => Spaces().Replace(Mark().Replace(text, " "), " ").Trim(),
        _ => Mark().Replace(text, m => Changed(m.Value[0], dice)),
    };

    // Every mark becomes another one or goes: a question written as a statement, a full stop as a comma, half-width marks.
    private static string Changed(char mark, NoiseDice dice) => (mark, dice.Pick(3)) switch
    {
        ('？' or '?', 0) => "。",
        ('？' or '?', 1) => "?",
        ('。' or '.', 0) => "，",
        ('。' or '.', 1) => ".",
        ('，' or ',', 0) => " ",
        ('，' or ',', 1) => ",",
        ('！' or '!' or '；' or ';', 0) => "。",
        ('！' or '!' or '；' or ';', 1) => "，",
        ('、' or '：' or ':', < 2) => "，",
        _ => "",
    };

    // A decimal point (3.45) is not punctuation.
    [GeneratedRegex(@"[，。？！；、：…—,?!;:]|(?<![0-9])\.|\.(?![0-9])")]
    private static partial Regex Mark();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
