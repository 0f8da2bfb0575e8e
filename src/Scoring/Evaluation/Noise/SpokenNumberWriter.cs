using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpeechQa.Scoring.Knowledge;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// Writes numbers the other way round, as ASR does from one call to the next: digits as words (3.45元 → 三块四毛五 or
/// 三点四五元, 180吨 → 一百八十吨), words as digits (一个工作日 → 1个工作日, 二十二元 → 22元), phone and account numbers
/// in digit groups (138 1234 5678) or as spoken digit words, and spoken digit words as digits.
/// </summary>
internal static partial class SpokenNumberWriter
{
    public static string Rewrite(string text, NoiseDice dice) => Numbers().Replace(text, m =>
    {
        if (!dice.Roll(AsrChange.Number))
            return m.Value;
        if (m.Groups["long"].Success)
            return dice.Pick(3) < 2 ? DigitGroups(m.Value, dice) : string.Concat(m.Value.Select(c => DigitWords[c - '0']));
        if (m.Groups["spoken"].Success)
            return Dialogue.SpokenDigits.EveryDigit(m.Value);
        if (m.Groups["digits"].Success)
            return Words(m.Groups["digits"].Value, m.Groups["space"].Value, m.Groups["unit"].Value, dice);
        var value = ChineseNumber.Parse(m.Groups["words"].Value);
        return value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + m.Groups["unit2"].Value : m.Value;
    });

    private const string DigitWords = "零一二三四五六七八九";

    // A phone or account number read in groups: 3-4-4 for a mobile, chunks of 3 or 4 otherwise; space or hyphen.
    private static string DigitGroups(string digits, NoiseDice dice)
    {
        var separator = dice.Pick(4) == 0 ? "-" : " ";
        if (digits.Length == 11)
            return string.Join(separator, digits[..3], digits[3..7], digits[7..]);
        var groups = new List<string>();
        var at = 0;
        while (digits.Length - at > 4)
        {
            var size = 3 + dice.Pick(2);
            groups.Add(digits.Substring(at, size));
            at += size;
        }
        groups.Add(digits[at..]);
        return string.Join(separator, groups);
    }

    // 3.45元 is 三块四毛五 (the 块 form replaces the unit) or 三点四五元; 2 before a measure word is 两.
    private static string Words(string number, string space, string unit, NoiseDice dice)
    {
        var point = number.IndexOf('.', StringComparison.Ordinal);
        var whole = long.Parse(point < 0 ? number : number[..point], CultureInfo.InvariantCulture);
        if (point < 0)
            return (whole == 2 && unit is "个" or "块" or "小时" or "天" or "次" or "遍" or "层" ? "两" : Integer(whole)) + space + unit;
        var fraction = number[(point + 1)..];
        if (unit is "元" && fraction[0] != '0' && dice.Pick(2) == 0)
            return Integer(whole) + "块" + DigitWords[fraction[0] - '0'] + "毛" + (fraction.Length == 2 && fraction[1] != '0' ? DigitWords[fraction[1] - '0'].ToString() : "");
        return Integer(whole) + "点" + string.Concat(fraction.Select(c => DigitWords[c - '0'])) + space + unit;
    }

    /// <summary>An integer read out: 10 十, 15 十五, 110 一百一十, 1005 一千零五, 20000 两万.</summary>
    internal static string Integer(long n)
    {
        if (n == 0)
            return "零";
        if (n >= 10000)
            return Integer(n / 10000) + "万" + (n % 10000 is var rest and > 0 ? (rest < 1000 ? "零" : "") + Integer(rest) : "");
        var text = new StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") };
        var zero = false;
        foreach (var (size, name) in units)
        {
            var digit = (int)(n / size % 10);
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }
            if (zero)
                text.Append('零');
            zero = false;
            if (!(size == 10 && digit == 1 && text.Length == 0))
                text.Append(DigitWords[digit]);
            text.Append(name);
        }
        return text.ToString();
    }

    private const string Units = "元|块|吨|个(?=工作日|小时|月|星期|钟头|礼拜)|小时|分钟|天|度|℃|号|月|日|平|岁|层|楼|次|遍|期|年|户|室|毛|角";

    [GeneratedRegex(
        @"(?<long>(?<![0-9.])[0-9]{7,}(?![0-9.]))"
        + @"|(?<spoken>[零〇幺一二三四五六七八九]{7,})"
        + @"|(?<digits>(?<![0-9.])[0-9]{1,6}(?:\.[0-9]{1,2})?(?![0-9.]))(?<space>\s?)(?<unit>" + Units + ")"
        + @"|(?<words>[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)(?<unit2>" + Units + ")")]
    private static partial Regex Numbers();
}
