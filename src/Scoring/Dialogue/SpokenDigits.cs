using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>
/// Phone and account numbers as agents say them and ASR often writes them — 幺三零零零零零六七幺二 — turned into
/// Arabic digits character for character (so offsets stay the same), for the personal-data recogniser. Only runs of
/// five or more digit words are read; 一二 in ordinary text is left alone.
/// </summary>
public static partial class SpokenDigits
{
    public static string ToArabic(string text) => Run().Replace(text, m => string.Concat(m.Value.Select(c => c is '，' or ',' ? ' ' : Digit(c))));

    /// <summary>Every digit word as a digit, wherever it stands: for comparing what two speakers said (一三零，零零零零 = 1300000).</summary>
    public static string EveryDigit(string text) => string.Concat(text.Select(Digit));

    /// <summary>
    /// <see cref="EveryDigit"/> with tens and hundreds written out as digits (二十号院 = 20号院, 三百零二 = 302), so a house or
    /// room number the caller said in words matches the agent's read-back in digits.
    /// </summary>
    public static string Numerals(string text)
    {
        var digits = EveryDigit(text);
        if (digits.AsSpan().IndexOfAny('十', '百') < 0)
            return digits;
        digits = Hundreds().Replace(digits, m => m.Groups["h"].Value
            + (m.Groups["t"].Success ? m.Groups["t"].Value : "0")
            + (m.Groups["u"].Success ? m.Groups["u"].Value : "0"));
        return Tens().Replace(digits, m => (m.Groups["t"].Success ? m.Groups["t"].Value : "1") + (m.Groups["u"].Success ? m.Groups["u"].Value : "0"));
    }

    [GeneratedRegex("(?<h>[1-9])百(?:(?<t>[1-9])十(?<u>[1-9])?|0(?<u>[1-9]))?")]
    private static partial Regex Hundreds();

    [GeneratedRegex("(?<t>[1-9])?十(?<u>[1-9])?")]
    private static partial Regex Tens();

    private static char Digit(char c) => c switch
    {
        '零' or '〇' => '0',
        '一' or '幺' => '1',
        '二' or '两' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => c,
    };

    /// <summary>Five or more digit words, or groups of three or more read with pauses (六二二二，零零零零，一二三四): a comma
    /// between groups becomes a space, as the recogniser writes digit groups.</summary>
    // Groups of three or more digit words, or three or more groups of two (an ID card read 三七零二，零三，一九七八，零六…).
    [GeneratedRegex("[零〇一幺二两三四五六七八九]{3,}(?:[，,][零〇一幺二两三四五六七八九]{3,})+|[零〇一幺二两三四五六七八九]{2,}(?:[，,][零〇一幺二两三四五六七八九]{2,}){2,}|[零〇一幺二两三四五六七八九]{5,}")]
    private static partial Regex Run();
}
