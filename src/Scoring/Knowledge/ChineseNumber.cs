using System.Globalization;

namespace SpeechQa.Scoring.Knowledge;

/// <summary>Reads numbers as agents say them and ASR writes them: 3.45, ３.４５, 三点四五, 二十二, 一百八十, 两, 万.</summary>
public static class ChineseNumber
{
    public const string Pattern = @"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二两三四五六七八九]+)?)";

    public static double? Parse(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c == '．' ? '.' : c)]);
        if (double.TryParse(ascii, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        var point = ascii.IndexOf('点', StringComparison.Ordinal);
        var whole = Integer(point < 0 ? ascii : ascii[..point]);
        if (whole is null)
            return null;
        if (point < 0)
            return whole;
        var fraction = 0.0;
        var scale = 0.1;
        foreach (var c in ascii[(point + 1)..])
        {
            var d = Digit(c);
            if (d is null)
                return null;
            fraction += d.Value * scale;
            scale /= 10;
        }
        return whole + Math.Round(fraction, 6);
    }

    private static double? Integer(string text)
    {
        if (text.Length == 0)
            return null;
        if (text.All(c => Digit(c) is not null) && text.Length > 1)
            return double.Parse(string.Concat(text.Select(c => Digit(c)!.Value)), CultureInfo.InvariantCulture); // 一八〇 read digit by digit
        double total = 0, section = 0, current = 0;
        foreach (var c in text)
        {
            if (Digit(c) is { } d)
            {
                current = d;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
                return null;
            if (unit == 10000)
            {
                total += (section + current) * unit;
                section = current = 0;
            }
            else
            {
                section += (current == 0 && unit == 10 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + section + current;
    }

    /// <summary>
    /// Four or more Chinese digits with no place value (二一七六, 四零七九) are a ticket, staff or phone number read out digit
    /// by digit, not an amount: without punctuation (单号二一七六三个工作日内回电) the next number runs into it. (两 is never
    /// read out in a number; <see cref="Parse"/> still reads such runs digit by digit, as the ASR-noise writer needs.)
    /// </summary>
    public static bool IsReadOutIdentifier(string text) =>
        text.Length >= 4 && text.All(c => c != '两' && Digit(c) is not null);

    private static int? Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => null,
    };
}
