namespace SpeechQa.Search.Synthetic;

/// <summary>
/// Generated scored calls for the index's test suite and benchmark (deterministic by seed): 40 agents in 4 teams,
/// 6 regions, 13 categories, two months of calls, 8 segments each from a pool of hotline sentences — a few rare
/// ones (推诿、辱骂) placed so that speaker and time filters matter.
/// </summary>
public static class SyntheticCallDocuments
{
    private static readonly string[] AgentLines =
    [
        "您好，供水服务热线，请问有什么可以帮您？", "请您提供一下户号和户主姓名。", "好的，我给您查一下，请稍等。",
        "让您久等了，系统显示您家已经缴费了。", "第一阶梯水价是每吨3.45元。", "我这边给您派单，师傅一个工作日内上门。",
        "跟您确认一下，地址是幸福路18号院对吗？", "非常抱歉给您带来不便。", "请问还有其他问题吗？", "感谢您的来电，再见。",
        "水质问题我们两小时内到场检测。", "暖气不热属于一般维修，一个工作日内处理。",
    ];

    private static readonly string[] CustomerLines =
    [
        "我家从早上开始就没水了。", "这个月水费怎么这么多？", "暖气一点都不热，屋里才十五度。", "门口的水管爆了，水流了一地。",
        "水龙头放出来的水是黄的。", "我想办理过户。", "好的，谢谢。", "户号是0301234567。", "你们到底什么时候来修？",
        "水压太小了，洗澡都洗不了。", "我要投诉你们的工作人员。", "没有了，再见。",
    ];

    /// <summary>Rare agent lines: the text tests look for them with speaker and time filters.</summary>
    public static readonly string[] RareAgentLines = ["这个不归我们管，你找物业去吧。", "那是物业的事，这不归我们管。", "你有病吧，说了多少遍了。", "我保证今天给您修好。"];

    private static readonly string[] Teams = ["热线一组", "热线二组", "热线三组", "夜班组"];
    private static readonly string[] Regions = ["竞秀区", "莲池区", "满城区", "清苑区", "徐水区", "高新区"];
    private static readonly IReadOnlyList<string> Categories = SpeechQa.Scoring.Classification.CallCategories.Ids;
    private static readonly (string Rule, string Severity)[] Rules =
    [
        ("F02", "fatal"), ("F03", "fatal"), ("F04", "fatal"), ("N01", "non-fatal"), ("N02", "non-fatal"), ("N04", "non-fatal"),
        ("N05", "non-fatal"), ("N08", "non-fatal"), ("N12", "non-fatal"),
    ];

    public static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static IEnumerable<CallDocument> Generate(int count, int seed, SearchTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var random = new Random(seed);
        var cache = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> Tokens(string text) => cache.TryGetValue(text, out var t) ? t : cache[text] = tokens.Of(text);
        for (var n = 0; n < count; n++)
        {
            var agent = random.Next(40);
            var segments = new List<SegmentDocument>();
            var time = 0.0;
            for (var i = 0; i < 8; i++)
            {
                var agentTurn = i % 2 == 0;
                var text = agentTurn ? AgentLines[random.Next(AgentLines.Length)] : CustomerLines[random.Next(CustomerLines.Length)];
                // Rare lines: about 1 call in 50, at a random position (so some are in the first, some in the last 30 s).
                if (agentTurn && random.Next(200) == 0)
                    text = RareAgentLines[random.Next(RareAgentLines.Length)];
                var length = 2 + text.Length / 4.0;
                segments.Add(new SegmentDocument(agentTurn ? "agent" : "customer", Math.Round(time, 2), Math.Round(time + length, 2), text, Tokens(text)));
                time += length + random.NextDouble() * 20;
            }
            var hits = Rules.Where(_ => random.Next(8) == 0).Select(r => new HitDocument(r.Rule, r.Severity)).ToList();
            var fatal = hits.Any(h => h.Severity == "fatal");
            yield return new CallDocument
            {
                CallId = $"G{seed:00}-{n:0000000}",
                StartedAt = Start.AddSeconds(random.Next(60 * 24 * 3600)),
                Direction = random.Next(10) == 0 ? "outbound" : "inbound",
                AgentId = $"A{agent:000}",
                AgentName = $"坐席{agent:000}",
                Team = Teams[agent % Teams.Length],
                Region = Regions[random.Next(Regions.Length)],
                Queue = random.Next(2) == 0 ? "报修" : "咨询",
                Category = Categories[random.Next(Categories.Count)],
                Score = fatal ? 0 : Math.Max(0, 100 - hits.Count * 5 - random.Next(3) * 3),
                Fatal = fatal,
                DurationSeconds = Math.Round(time, 2),
                Hits = hits,
                Segments = segments,
            };
        }
    }
}
