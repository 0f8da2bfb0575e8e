using System.Diagnostics;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.Bench;

/// <summary>
/// Repeat analysis of generated calls (default 1 000 000 over 30 days, ~15 % followed by a repeat, outage bursts):
/// finding the cues in each call's text (what the analyze stage does per call), then chaining + clustering +
/// attribution, then the metrics. No other product attributes repeat chains, so there is no side-by-side figure.
/// </summary>
public static class RepeatsBench
{
    private static readonly string[] Categories = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12"];
    private static readonly string[] Regions = ["竞秀区", "莲池区", "满城区", "清苑区"];

    private static readonly string[] FirstWords =
    [
        "我家水表井一直在冒水，你们赶紧派人来看看吧。", "这个月水费怎么比上个月多了一倍？", "家里暖气摸着一点都不热，室温才十五度。",
        "我们小区从早上开始就没水了。", "水龙头放出来的水有点发黄。", "我想问一下过户需要带什么材料。",
    ];

    private static readonly string[] RepeatWords =
    [
        "前天报的修，到现在还没人来。", "上次说四块五一吨，账单上不是这个数。", "师傅修完没两天，今天又漏了。",
        "我根本没收到停水的短信通知。", "水费还是不对，是不是估抄的？", "还是那个问题，想问问进度。", "我再问另外一个问题，燃气归你们管吗？",
    ];

    private static readonly string[] AgentWords =
    [
        "好的，我这边马上给您派单，师傅一个工作日内上门。", "您好，请问有什么可以帮您？", "第一阶梯水价是每吨三块四毛五。", "感谢您的来电，再见。",
    ];

    public static void Run(string root, int calls)
    {
        var policy = RepeatPolicyLoader.LoadOrThrow(Path.Combine(root, RepeatPolicyLoader.DefaultPath));
        var random = new Random(5);
        var start = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var texts = new List<(string Id, DateTimeOffset At, bool Outbound, string Number, string Region, string Category, string Customer, string Agent, int Score, string[] Rules)>(calls);
        var callers = Math.Max(1, calls * 3 / 10);
        var n = 0;
        // One planted outage a day: calls/1600 extra no-water calls (625 of 1 000 000, ~4x a region's usual 3 h) from different callers within two hours.
        for (var day = 0; day < 30; day++)
        {
            var burstStart = start.AddDays(day).AddHours(8 + random.Next(10));
            for (var k = 0; k < calls / 1600 && texts.Count < calls; k++)
                texts.Add(($"B{n++:0000000}", burstStart.AddMinutes(random.Next(120)), false, "138" + random.Next(100_000_000).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture),
                    Regions[day % Regions.Length], "C03", "我们这一片突然都没水了，是不是在施工？", AgentWords[1], 95, []));
        }
        while (texts.Count < calls)
        {
            var number = "139" + random.Next(callers).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
            var at = start.AddSeconds(random.Next(30 * 86400));
            var region = Regions[random.Next(Regions.Length)];
            var category = Categories[random.Next(Categories.Length)];
            var rules = random.Next(10) == 0 ? new[] { "N08" } : random.Next(30) == 0 ? ["F03"] : [];
            texts.Add(($"B{n++:0000000}", at, false, number, region, category, FirstWords[random.Next(FirstWords.Length)], AgentWords[random.Next(AgentWords.Length)], rules.Length > 0 ? 70 : 95, rules));
            if (random.NextDouble() < 0.15 && texts.Count < calls)
                texts.Add(($"B{n++:0000000}", at.AddHours(2 + random.Next(80)), false, number, region, category, RepeatWords[random.Next(RepeatWords.Length)], AgentWords[random.Next(AgentWords.Length)], 95, []));
            if (random.NextDouble() < 0.05 && texts.Count < calls)
                texts.Add(($"B{n++:0000000}", at.AddHours(random.Next(48)), true, number, region, category, "", "您好，这里是供水热线回访。", 100, []));
        }

        var clock = Stopwatch.StartNew();
        var finder = new RepeatCueFinder(policy);
        var contacts = new List<CallContact>(texts.Count);
        foreach (var t in texts)
        {
            contacts.Add(new CallContact
            {
                CallId = t.Id, StartedAt = t.At, Outbound = t.Outbound, CallerNumber = t.Number, Region = t.Region, Category = t.Category,
                AgentId = "A0" + (t.Number[^1] % 8 + 1), Team = t.Number[^1] % 2 == 0 ? "热线一组" : "热线二组", Score = t.Score, Rules = t.Rules,
                Cues = finder.Find(t.Customer, t.Agent),
            });
        }
        var cueSeconds = clock.Elapsed.TotalSeconds;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var result = new RepeatAnalysis(policy).Run(contacts);
        var analysisSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var report = RepeatMetrics.Compute(contacts, result, policy);
        var metricsSeconds = clock.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        Console.WriteLine($"Repeat calls: {contacts.Count} generated calls, {result.Chains.Count} chains, {result.Clusters.Count} outage clusters, " +
                          $"{result.Members.Count} member calls; root causes {string.Join(", ", report.ChainsByCause.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        Console.WriteLine("| step | seconds | calls/s |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| cues in each call's text (analyze stage) | {cueSeconds:0.00} | {contacts.Count / cueSeconds:0} |");
        Console.WriteLine($"| chaining + clusters + root causes | {analysisSeconds:0.00} | {contacts.Count / analysisSeconds:0} |");
        Console.WriteLine($"| FCR, callbacks, score correlation, rule lift | {metricsSeconds:0.00} | {contacts.Count / metricsSeconds:0} |");
        Console.WriteLine($"| all (goal: under 60 s for 1 000 000) | {cueSeconds + analysisSeconds + metricsSeconds:0.00} | |");
        Console.WriteLine($"Managed heap with the calls loaded: {memoryBefore / 1048576} MB; peak working set {peak / 1048576} MB. FCR {report.Overall.Fcr:P1}, callback timeliness {report.Callbacks.Timeliness:P1}, score–repeat correlation {report.ScoreRepeatCorrelation:0.000}");
    }
}
