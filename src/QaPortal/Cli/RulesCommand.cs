using System.CommandLine;
using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Pipeline;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Scoring.Text;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.QaPortal.Cli;

/// <summary>
/// `speechqa rules check|test|backtest`: the admin's tools — validate rule files, see what fires on one
/// transcript and why, and re-score stored calls with a candidate rule folder without saving anything.
/// </summary>
public static class RulesCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("rules", "Rule sets: check files, test on a transcript, backtest on stored calls");
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateTest());
        command.Subcommands.Add(CreateBacktest(global));
        return command;
    }

    private static Command CreateCheck()
    {
        var folder = new Argument<string>("rules-folder") { Description = "The rules folder (holding rulesets/, knowledge/, dict/)", DefaultValueFactory = _ => "rules" };
        var command = new Command("check", "Validate every rule set; errors with file:line:column") { folder };
        command.SetAction((result, _) => GuardAsync(() =>
        {
            var catalog = RuleSetCatalog.Load(result.GetValue(folder)!);
            foreach (var set in catalog.All.OrderBy(s => s.Id, StringComparer.Ordinal))
                Console.WriteLine($"正确 ok {set.Label}: {set.Rules.Count} 条规则 rules ({set.Rules.Count(r => r.Severity == Severity.Fatal)} fatal), {set.Knowledge.Facts.Count} 条知识 facts");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command CreateTest()
    {
        var ruleSet = new Argument<string>("ruleset") { Description = "Rule set id, e.g. water-hotline" };
        var transcript = new Option<string>("--transcript") { Description = "A transcript in format 2 (JSON)", Required = true };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => "rules" };
        var hangup = new Option<string?>("--hangup-by") { Description = "Call metadata: customer, agent or system" };
        var direction = new Option<string>("--direction") { Description = "Call metadata: inbound or outbound", DefaultValueFactory = _ => "inbound" };
        var command = new Command("test", "Run one rule set on one transcript and print every hit with its evidence") { ruleSet };
        command.Options.Add(transcript);
        command.Options.Add(rules);
        command.Options.Add(hangup);
        command.Options.Add(direction);
        command.SetAction((result, cancellationToken) => GuardAsync(async () =>
        {
            var judge = CreateJudge(result.GetValue(rules)!);
            var parsed = TranscriptJson.Parse(await File.ReadAllBytesAsync(result.GetValue(transcript)!, cancellationToken).ConfigureAwait(false));
            var metadata = new CallMetadata { Direction = result.GetValue(direction), HangupBy = result.GetValue(hangup) };
            var judgement = judge.Judge(result.GetValue(ruleSet)!, parsed, metadata);
            Console.WriteLine($"{parsed.CallId} · {judgement.RuleSet} · 得分 score {judgement.Score}{(judgement.Fatal ? " · 致命 fatal" : "")}");
            foreach (var hit in judgement.Hits)
                Console.WriteLine($"  {hit.Rule} {hit.RuleName} [{hit.Severity.ToWire()}, -{hit.Points}] 第{hit.Segment}句 segment {hit.Segment} {hit.Start:0.0}–{hit.End:0.0}s {hit.Speaker?.ToString().ToLowerInvariant()}: {hit.Evidence}");
            if (judgement.Hits.Count == 0)
                Console.WriteLine("  没有命中 no rule fired");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateBacktest(GlobalOptions global)
    {
        var candidate = new Argument<string>("candidate-rules") { Description = "The candidate rules folder to compare with the active one" };
        var active = new Option<string>("--active") { Description = "The active rules folder", DefaultValueFactory = _ => "rules" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only calls started at or after this time (ISO-8601)" };
        var command = new Command("backtest", "Re-score stored calls with a candidate rules folder (nothing is saved); per-rule hit counts and score changes") { candidate };
        command.Options.Add(active);
        command.Options.Add(since);
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(() => GuardAsync(async () =>
        {
            var before = CreateJudge(result.GetValue(active)!);
            var after = CreateJudge(result.GetValue(candidate)!);
            var scoring = new ScoringOptions(result.GetValue(active)!, ScoringOptions.FromEnvironment().DefaultRuleSet);
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var store = app.Get<CallStore>();
            var counts = new SortedDictionary<string, (int Before, int After)>(StringComparer.Ordinal);
            int calls = 0, changed = 0, fatalBefore = 0, fatalAfter = 0;
            double sumBefore = 0, sumAfter = 0;
            string? cursor = null;
            while (await store.ListAsync(cursor, 500, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page)
            {
                foreach (var stored in page)
                {
                    if (result.GetValue(since) is { } from && stored.Call.StartedAt < from)
                        continue;
                    if (await store.GetTranscriptAsync(stored.Call.CallId, cancellationToken).ConfigureAwait(false) is not { } transcript)
                        continue;
                    var acoustics = await store.GetAcousticsAsync(stored.Call.CallId, stored.Revision, cancellationToken).ConfigureAwait(false) is { } json
                        ? AcousticMetricsJson.Deserialize(json) : null;
                    var metadata = CallScoring.MetadataOf(stored.Call, acoustics?.DurationSeconds ?? TimingMetrics.From(transcript).DurationSeconds);
                    var audio = acoustics is null ? null : CallScoring.AudioOf(acoustics);
                    var ruleSetId = new CallScoring(scoring, Microsoft.Extensions.Logging.Abstractions.NullLogger<CallScoring>.Instance).RuleSetFor(stored.Call);
                    var old = before.Judge(ruleSetId, transcript, metadata, audio);
                    var @new = after.Judge(ruleSetId, transcript, metadata, audio);
                    calls++;
                    sumBefore += old.Score;
                    sumAfter += @new.Score;
                    fatalBefore += old.Fatal ? 1 : 0;
                    fatalAfter += @new.Fatal ? 1 : 0;
                    changed += old.Score != @new.Score ? 1 : 0;
                    foreach (var rule in old.Hits.Select(h => h.Rule).Distinct())
                        counts[rule] = (counts.GetValueOrDefault(rule).Before + 1, counts.GetValueOrDefault(rule).After);
                    foreach (var rule in @new.Hits.Select(h => h.Rule).Distinct())
                        counts[rule] = (counts.GetValueOrDefault(rule).Before, counts.GetValueOrDefault(rule).After + 1);
                }
                cursor = page[^1].Call.CallId;
            }
            Console.WriteLine($"回测 backtest: {calls} 通通话 calls; 分数变化 score changed on {changed}");
            if (calls > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"平均分 mean score {sumBefore / calls:0.0} → {sumAfter / calls:0.0}; 致命 fatal calls {fatalBefore} → {fatalAfter}"));
            Console.WriteLine($"{"rule",-6} {"active",8} {"candidate",10} {"change",8}");
            foreach (var (rule, (b, a)) in counts)
                Console.WriteLine($"{rule,-6} {b,8} {a,10} {a - b,8:+0;-0;0}");
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static CallJudge CreateJudge(string rulesFolder) => CallJudge.ForRulesFolder(rulesFolder);

    private static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (RuleSetLoadException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        catch (Exception e) when (e is JiebaDataException or KeyNotFoundException or TranscriptFormatException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
    }
}
