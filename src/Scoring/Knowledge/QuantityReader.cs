using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Knowledge;

/// <summary>One stated quantity: its value in the kind's unit and where it stands in the sentence.</summary>
public sealed record StatedQuantity(double Value, int Index, int Length, string Text)
{
    /// <summary>How far above <see cref="Value"/> a rough figure reaches: 四块多 is 4 with a span of 1, 三块四毛多 3.4 with 0.1.</summary>
    public double Span { get; init; }
}

/// <summary>Finds the quantities of one kind that a sentence states.</summary>
public static partial class QuantityReader
{
    public static IReadOnlyList<StatedQuantity> Read(string text, QuantityKind kind)
    {
        var found = new List<StatedQuantity>();
        var regex = kind switch
        {
            QuantityKind.Yuan => Yuan(),
            QuantityKind.YuanPerSquareMetre => YuanPerSquareMetre(),
            QuantityKind.Minutes => Minutes(),
            QuantityKind.WorkingDays => WorkingDays(),
            QuantityKind.Celsius => Celsius(),
            QuantityKind.Tons => TonLimit(),
            QuantityKind.Months => MonthCycle(),
            QuantityKind.MonthDay => MonthDay(),
            _ => Ratio(),
        };
        foreach (Match m in regex.Matches(text))
        {
            if (Value(m, kind) is { } value)
                found.Add(new StatedQuantity(value, m.Index, m.Length, m.Value) { Span = RoughSpan(m, kind) });
        }
        return found;
    }

    /// <summary>四块多 (four-odd yuan) states 4 to 5 yuan; 三块四毛多 3.4 to 3.5 — neither contradicts a price inside that span.</summary>
    private static double RoughSpan(Match m, QuantityKind kind) =>
        kind == QuantityKind.Yuan && m.Groups["more"].Success
            ? m.Groups["fen"].Success ? 0.01 : m.Groups["jiao"].Success ? 0.1 : 1
            : 0;

    private static double? Value(Match m, QuantityKind kind)
    {
        double? Number(string group) => m.Groups[group].Success && !ChineseNumber.IsReadOutIdentifier(m.Groups[group].Value) ? ChineseNumber.Parse(m.Groups[group].Value) : null;
        switch (kind)
        {
            case QuantityKind.Yuan:
                var yuan = Number("n");
                if (yuan is null)
                    return null;
                var jiao = Number("jiao") ?? 0;
                var fen = Number("fen") ?? 0;
                return Math.Round(yuan.Value + jiao / 10 + fen / 100, 4);
            case QuantityKind.YuanPerSquareMetre:
                return Number("n") ?? Number("n2");
            case QuantityKind.Minutes:
                if (m.Groups["half"].Success)
                    return m.Groups["hunit"].Success ? 30 : null;
                if (m.Groups["nextday"].Success)
                    return MinutesPerDay;
                var n = Number("n");
                if (n is null)
                    return null;
                if (m.Groups["wday"].Success)
                    return n * MinutesPerDay;
                return m.Groups["hunit"].Success ? n * 60 + (m.Groups["hunit"].Value.Contains('半', StringComparison.Ordinal) ? 30 : 0) : n;
            case QuantityKind.Ratio:
                var r = Number("n");
                if (r is null)
                    return null;
                return m.Groups["per"].Value switch
                {
                    "万分之" => r / 10000,
                    "千分之" => r / 1000,
                    "百分之" => r / 100,
                    _ => r / 100, // n%
                };
            case QuantityKind.MonthDay:
                return Number("m") is { } month && Number("d") is { } day ? month * 100 + day : null;
            case QuantityKind.WorkingDays when m.Groups["unit"].Success:
                var count = m.Groups["wn"].Value == "半" ? 0.5 : Number("wn");
                return count * (m.Groups["unit"].Value == "月" ? WorkingDaysPerMonth : WorkingDaysPerWeek);
            case QuantityKind.Months:
                return m.Groups["n"].Success ? Number("n") : 1; // 每个月 / 每月
            default:
                return Number("n");
        }
    }

    private const string N = ChineseNumber.Pattern;
    private const double WorkingDaysPerWeek = 5;
    private const double MinutesPerDay = 24 * 60;
    private const double WorkingDaysPerMonth = 22;

    // 3.45元, 四块多 (4 to 5), 三块四毛五, 4块2 and 七块二一吨 (a bare digit after 块 is jiao; two are jiao and fen: 3块45, 三块四五), 3元4角5分
    // (but 七块二毛一吨 is 7.20 a ton); 22元一平方米, 每平二十三块五 and 每平方米每个采暖季二十二块 are per m².
    [GeneratedRegex(@"(?<n>" + N + @")\s*(?:块(?<jiao>[0-9一二两三四五六七八九])(?<fen>[0-9一二三四五六七八九])(?![0-9二两三四五六七八九十百千万平吨毛角分]|一(?![吨方立]))|块(?<jiao>[0-9一二两三四五六七八九])(?![0-9二两三四五六七八九十百千万平吨毛角]|一(?![吨方立]))|(?:元|块钱|块)(?:(?<jiao>[0-9一二两三四五六七八九])(?:毛|角)(?:(?<fen>[0-9二三四五六七八九]|一(?![吨方立]))分?)?)?)(?<more>多(?!少))?")]
    private static partial Regex Yuan();

    [GeneratedRegex(@"(?:(?<n>" + N + @")\s*(?:元|块钱|块)\s*(?:钱)?\s*(?:一|每|/|／)?\s*(?:平方米|平米|平方|㎡|个平方))|(?:(?:每|一)(?:平方米|平米|平方|㎡|平)\s*(?:(?:每|一)个?(?:采暖季|供暖季|季|年))?\s*(?:是|收|要)?\s*(?<n2>" + N + @")\s*(?:元|块))")]
    private static partial Regex YuanPerSquareMetre();

    // 一个小时前报的 / 四十分钟前出发 tell how long ago, not how soon.
    // A time in working days where minutes are promised (水质问题一个工作日内处理) is longer than any minute SLA: read as 24 h each;
    // so is a visit put off to the next day (化验员明天上午才能过去). 二十四小时抢修电话/服务/有人 (and 他们有二十四小时抢修。) says when a line is open, not how soon.
    [GeneratedRegex(@"(?:(?<nextday>明天|明儿|明早|后天)[^，。？！]{0,6}?(?:才|再)?(?:能|会|得)?(?<!打|打电话)(?:去|过去|到|上门|来人|过来|派人))|(?:(?<half>半)个?(?<hunit>小时|钟头))|(?:(?<n>" + N + @")\s*(?:(?<hunit>个?(?:半)?(?:小时|钟头))(?!前|以前|之前|(?:抢修|服务|值班|客服)?(?:电话|热线|值班|营业|在线|有人|服务)|(?:抢修|值班|客服)[。，！；]|都有人)|(?<wday>个?工作日)|分钟(?!前|以前|之前)))")]
    private static partial Regex Minutes();

    // 3个工作日; a deadline in weeks or months (一周内, 半个月之内, 一个月以内) is read in working days (5 a week, 22 a month) so
    // that it compares with a working-day promise; so is a rough time (一个星期左右). Calendar days (两天) are not read:
    // they straddle weekends.
    [GeneratedRegex(@"(?<n>" + N + @")\s*个?工作日|(?:(?<wn>" + N + @")\s*个?(?<unit>周|星期|礼拜)|(?<wn>" + N + @"|半)\s*个\s*(?<unit>月))\s*(?:之内|以内|内|左右|上下)")]
    private static partial Regex WorkingDays();

    // 用到一百八十一吨以上 / 一百八十一吨到二百六十吨 start a tier: the lower bound, no limit.
    [GeneratedRegex(@"(?:(?:到|至|不超过|不到)\s*(?<n>" + N + @")\s*(?:吨|方|立方)(?!米?(?:以上|起|开始|往上|[到至~～-])))|(?:(?<n>" + N + @")\s*(?:吨|方|立方(?:米)?)(?:以内|以下|之内|之下|封顶|为止))")]
    private static partial Regex TonLimit();

    [GeneratedRegex(@"(?:每|一)(?<n>" + N + @")?\s*个?月(?:一次|一回|一抄|抄一次|抄一回)?|(?<![上下这本几])(?<n>" + N + @")\s*个月(?:一次|一回|一抄|抄一次|抄一回)")]
    private static partial Regex MonthCycle();

    [GeneratedRegex(@"(?<m>" + N + @")\s*月\s*(?<d>" + N + @")\s*(?:日|号)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<n>" + N + @")\s*(?:摄氏度|度|℃)")]
    private static partial Regex Celsius();

    // 万分之五一直累计 is 5/10000 (一直 'all along' is not a digit of it).
    [GeneratedRegex(@"(?:(?<per>万分之|千分之|百分之)(?<n>(?:" + N + @")(?:(?<!一)|(?![直天起共样般下点次定]))))|(?:(?<n>[0-9]+(?:\.[0-9]+)?)(?<per>%))")]
    private static partial Regex Ratio();
}
