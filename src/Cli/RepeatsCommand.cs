using System.CommandLine;
using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Pipeline.Search;
using SpeechQa.Scoring.Repeats;
using SpeechQa.Search;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa repeats [--window 72h] [--since 2024-11-01] [--limit 20]`: computes repeat chains, outage clusters and
/// root causes over every scored call, prints the chains with their explanation, then FCR, callback timeliness and
/// which rules' hits go with repeats. With the policy's own window the result is saved (export, portal, search);
/// another --window only prints, so what the portal shows always follows the policy.
/// </summary>
public static class RepeatsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var window = new Option<string?>("--window") { Description = "Window between consecutive calls of a chain: 24h, 72h, 7d… (default: the policy's)" };
        var since = new Option<string?>("--since") { Description = "Only chains whose first call is on or after (yyyy-MM-dd or ISO 8601)" };
        var limit = new Option<int>("--limit") { Description = "Chains to print", DefaultValueFactory = _ => 20 };
        var command = new Command("repeats", "Repeat calls: chains with root causes, outage clusters, FCR and callback timeliness") { window, since, limit };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            TimeSpan? chosen = null;
            if (result.GetValue(window) is { } text)
            {
                if (!PolicyDuration.TryParse(text, out var parsed))
                    throw new FormatException($"--window '{text}' is not a duration (e.g. 24h, 72h, 7d)");
                chosen = parsed;
            }
            var from = SearchCommand.Date(result.GetValue(since), "--since");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var scoring = app.Get<CallScoring>();
            if (scoring.RepeatPolicy is not { } policy)
            {
                Console.Error.WriteLine($"错误 error: 没有重复来电策略 no repeat-call policy at {Path.GetFullPath(scoring.RepeatPolicyPath)}");
                return ExitCodes.UsageOrConfig;
            }
            if (chosen is { } w && w != policy.Window)
                policy = policy.WithWindow(w);
            var store = app.Get<RepeatStore>();
            var contacts = await store.LoadContactsAsync(cancellationToken).ConfigureAwait(false);
            var analysis = new RepeatAnalysis(policy).Run(contacts, cancellationToken);
            var saved = !policy.WindowOverridden;
            if (saved)
                await SaveAsync(app, store, analysis, cancellationToken).ConfigureAwait(false);

            Console.WriteLine($"重复来电 repeat calls: {contacts.Count} 通已评分 scored calls, 窗口 window {PolicyDuration.Format(policy.Window)}" +
                              (policy.WindowOverridden ? "（命令行指定，未保存 from the command line, not saved）" : "（按策略，已保存 policy's, saved）"));
            Console.WriteLine($"链 chains: {analysis.Chains.Count}, 片区聚集 outage clusters: {analysis.Clusters.Count}");
            foreach (var chain in analysis.Chains.Concat(analysis.Clusters)
                         .Where(c => from is null || c.Origin.StartedAt >= from)
                         .OrderByDescending(c => c.Origin.StartedAt).Take(Math.Max(0, result.GetValue(limit))))
                Print(chain);
            // Today is the reference: a call whose window has not passed yet is pending, not resolved.
            PrintReport(RepeatMetrics.Compute(contacts, analysis, policy, DateTimeOffset.UtcNow));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task SaveAsync(CliApp app, RepeatStore store, RepeatAnalysisResult analysis, CancellationToken cancellationToken)
    {
        var changed = await store.SaveAsync(analysis, cancellationToken).ConfigureAwait(false);
        if (changed.Count == 0 || !app.Get<PipelineOptions>().IndexStageEnabled)
            return;
        // The search documents carry the repeat field: write the calls whose place changed again.
        var search = app.Get<SearchIndexing>();
        var builder = new CallDocumentBuilder(app.Get<CallStore>(), store);
        var documents = new List<CallDocument>();
        foreach (var callId in changed)
        {
            if (await builder.BuildAsync(callId, search.Tokens, cancellationToken).ConfigureAwait(false) is { } document)
                documents.Add(document);
        }
        await (await search.ReadyIndexAsync(cancellationToken).ConfigureAwait(false)).IndexAsync(documents, cancellationToken).ConfigureAwait(false);
    }

    private static void Print(RepeatChain chain)
    {
        var origin = chain.Origin;
        var kind = chain.Kind == RepeatKind.Cluster ? $"片区聚集 cluster {origin.Region}" : $"来电人 caller {Mask.Number(origin.CallerNumber)}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{chain.Id}  {chain.RootCause} {RootCauseNames.Chinese(chain.RootCause)}  {chain.Calls.Count} 通  {kind}  " +
            $"{Local(origin.StartedAt)} → {Local(chain.Calls[^1].StartedAt)}"));
        Console.WriteLine($"    {chain.Explanation}");
        foreach (var call in chain.Calls)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {call.CallId}  {Local(call.StartedAt)}  {call.Category ?? "-"}  {call.AgentId} {call.Team}  {string.Join(' ', call.Rules)}"));
    }

    private static void PrintReport(RepeatReport report)
    {
        var all = report.Overall;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"一次解决率 FCR {all.Fcr:P1} ({all.Calls - all.Repeated}/{all.Calls}; 窗口未满 pending {all.Pending}), 重复来电率 repeat rate {all.RepeatRate:P1}"));
        Console.WriteLine("根因 root causes: " + string.Join(", ", report.ChainsByCause.OrderBy(c => c.Key).Select(c => $"{c.Key} {RootCauseNames.Chinese(c.Key)} {c.Value}")));
        var cb = report.Callbacks;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"回访及时率 callback timeliness {cb.Timeliness:P1} (及时 timely {cb.Timely}, 超时 late {cb.Late}, 未回访 missing {cb.Missing} / {cb.Eligible})"));
        foreach (var team in report.Resolution[RepeatDimension.Team])
            Console.WriteLine(team.Calls == 0 ? $"    {team.Key}: FCR -" : string.Create(CultureInfo.InvariantCulture, $"    {team.Key}: FCR {team.Fcr:P1} ({team.Calls} 通)"));
        Console.WriteLine(report.ScoreRepeatCorrelation is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"质检得分与重复来电的相关系数 score–repeat correlation {r:0.000} (负值：得分越低越易重复 negative: lower scores repeat more)")
            : "质检得分与重复来电的相关系数 score–repeat correlation: 数据不足 not enough data");
        foreach (var band in report.ScoreBands)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    得分 {band.Band}: 重复率 {band.RepeatRate:P1} ({band.Repeated}/{band.Calls})"));
        Console.WriteLine("最能预示重复来电的规则 rules whose hits most raise the repeat rate:");
        foreach (var lift in report.RuleLifts.Where(l => l.Difference > 0).Take(5))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {lift.Rule}: 命中时 with hit {lift.RateWithHit:P1} ({lift.RepeatedWithHit}/{lift.CallsWithHit}) vs 未命中 without {lift.RateWithout:P1}"));
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Phone numbers are personal data: the command masks them as the portal does for every role but admin.</summary>
    private static readonly PersonalDataMask Mask = new(PortalRole.Inspector);
}
