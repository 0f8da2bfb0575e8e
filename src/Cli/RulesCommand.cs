using System.CommandLine;
using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Pipeline;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Scoring.Text;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Cli;

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
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateEval()
    {
        var sets = new Option<string>("--sets") { Description = "The index of labelled sets (set,split,folder,author)", DefaultValueFactory = _ => "tests/eval/sets.csv" };
        var rules = new Option<string>("--rules") { Description = "Rules folder", DefaultValueFactory = _ => "rules" };
        var misses = new Option<bool>("--show-misses") { Description = "List each disagreement of the dev sets (never of the test sets: nobody tunes on those)" };
        var models = new Option<string>("--models") { Description = "Models folder (category and dialogue-act models; rules alone when it has none)", DefaultValueFactory = _ => "models" };
        var command = new Command("eval", "Precision and recall per error id on the labelled dev and test sets, per set and per split");
        var only = new Option<string>("--split") { Description = "dev, test or all", DefaultValueFactory = _ => "all" };
        command.Options.Add(sets);
        command.Options.Add(models);
        command.Options.Add(only);
        command.Options.Add(rules);
        command.Options.Add(misses);
        var noHomophones = new Option<bool>("--no-homophone-correction") { Description = "Judge without putting back misheard domain words (rules/dict/pinyin.txt), to measure what the correction does" };
        command.Options.Add(noHomophones);
        var noise = AsrNoiseEvalOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => GuardAsync(() =>
        {
            var index = result.GetValue(sets)!;
            var judge = CreateJudge(result.GetValue(rules)!);
            if (result.GetValue(noHomophones))
                judge = judge.WithoutHomophoneCorrection();
            using var classifier = ClassifierIn(result.GetValue(models)!, judge);
            if (classifier is not null)
                judge = judge.WithClassifier(classifier);
            else
                Console.WriteLine("没有模型 no models: rules alone, no category");
            var loaded = EvaluationSet.LoadIndex(index);
            var splits = result.GetValue(only) switch
            {
                "dev" => new[] { EvaluationSplit.Dev },
                "test" => [EvaluationSplit.Test],
                "all" => [EvaluationSplit.Dev, EvaluationSplit.Test],
                var other => throw new InvalidDataException($"--split 应为 dev、test 或 all, not '{other}'"),
            };
            foreach (var split in splits)
            {
                var ofSplit = loaded.Where(s => s.Split == split).ToList();
                foreach (var set in ofSplit)
                {
                    var card = RuleEvaluation.Score(judge, set.Calls, cancellationToken);
                    var (f, n) = (card.Micro('F'), card.Micro('N'));
                    Console.WriteLine($"{split.ToString().ToLowerInvariant(),-4} {set.Name,-14} {card.Calls,4} calls  fatal P {RuleScorecard.Ratio(f.Precision)} R {RuleScorecard.Ratio(f.Recall)}  non-fatal P {RuleScorecard.Ratio(n.Precision)} R {RuleScorecard.Ratio(n.Recall)}");
                    if (split == EvaluationSplit.Dev && result.GetValue(misses))
                    {
                        foreach (var line in card.Disagreements)
                            Console.WriteLine($"    {line}");
                    }
                }
                var all = RuleEvaluation.Score(judge, ofSplit.SelectMany(s => s.Calls), cancellationToken);
                Console.WriteLine();
                Console.WriteLine(all.Table($"## {(split == EvaluationSplit.Dev ? "dev (tuned on)" : "test (never tuned on)")}: {string.Join(", ", ofSplit.Select(s => s.Name))}"));
            }
            noise.PrintIfAsked(result, judge, [.. loaded.Where(s => splits.Contains(s.Split))], result.GetValue(misses), cancellationToken);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command CreateCheck()
    {
        var folder = new Argument<string>("rules-folder") { Description = "The rules folder (holding rulesets/, knowledge/, dict/)", DefaultValueFactory = _ => "rules" };
        var sample = new Option<string?>("--sample") { Description = "A folder of transcripts (format 2 JSON, searched recursively): also report literal screens that pass more than --max-pass of their sentences" };
        var maxPass = new Option<double>("--max-pass") { Description = "With --sample: the share of sentences above which a screen is reported", DefaultValueFactory = _ => ScreenPassCheck.DefaultMaxShare };
        var command = new Command("check", "Validate every rule set; errors with file:line:column") { folder };
        command.Options.Add(sample);
        command.Options.Add(maxPass);
        command.SetAction((result, _) => GuardAsync(() =>
        {
            var catalog = RuleSetCatalog.Load(result.GetValue(folder)!);
            foreach (var set in catalog.All.OrderBy(s => s.Id, StringComparer.Ordinal))
                Console.WriteLine($"正确 ok {set.Label}: {set.Rules.Count} 条规则 rules ({set.Rules.Count(r => r.Severity == Severity.Fatal)} fatal), {set.Knowledge.Facts.Count} 条知识 facts");
            // Loads and works, but slow: shown so an admin sees it before the bench does; not an error.
            foreach (var warning in SlowPatternCheck.Check(result.GetValue(folder)!))
                Console.WriteLine($"警告 warning {warning}");
            if (result.GetValue(sample) is { } transcripts)
            {
                var sentences = SampleSentences(transcripts);
                var weak = ScreenPassCheck.Check(result.GetValue(folder)!, sentences, result.GetValue(maxPass));
                foreach (var warning in weak)
                    Console.WriteLine($"警告 warning {warning}");
                Console.WriteLine($"筛选 screens: {sentences.Count} 句样本 sample sentences, {weak.Count} 个筛选放过超过 {result.GetValue(maxPass):P0} screens pass more than that share");
            }
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
        var explain = new Option<bool>("--explain") { Description = "Also print the dialogue state the rules read (verification, tickets, read-backs, time limits…) and each sentence's dialogue act" };
        command.Options.Add(explain);
        var testModels = new Option<string>("--models") { Description = "Models folder (category and dialogue-act models; rules alone when it has none)", DefaultValueFactory = _ => "models" };
        command.Options.Add(testModels);
        command.SetAction((result, cancellationToken) => GuardAsync(async () =>
        {
            var judge = CreateJudge(result.GetValue(rules)!);
            using var classifier = ClassifierIn(result.GetValue(testModels)!, judge);
            if (classifier is not null)
                judge = judge.WithClassifier(classifier);
            var parsed = TranscriptJson.Parse(await File.ReadAllBytesAsync(result.GetValue(transcript)!, cancellationToken).ConfigureAwait(false));
            var metadata = new CallMetadata { Direction = result.GetValue(direction), HangupBy = result.GetValue(hangup) };
            var judgement = judge.Judge(result.GetValue(ruleSet)!, parsed, metadata);
            Console.WriteLine($"{parsed.CallId} · {judgement.RuleSet} · 得分 score {judgement.Score}{(judgement.Fatal ? " · 致命 fatal" : "")}");
            foreach (var hit in judgement.Hits)
                Console.WriteLine($"  {hit.Rule} {hit.RuleName} [{hit.Severity.ToWire()}, -{hit.Points}] 第{hit.Segment}句 segment {hit.Segment} {hit.Start:0.0}–{hit.End:0.0}s {hit.Speaker?.ToString().ToLowerInvariant()}: {hit.Evidence}");
            if (judgement.Hits.Count == 0)
                Console.WriteLine("  没有命中 no rule fired");
            if (result.GetValue(explain) && judge.ExplainDialogue(result.GetValue(ruleSet)!, parsed, metadata) is { } state)
            {
                Console.WriteLine($"对话状态 dialogue state: 核实 verified at sentence {state.Identity.VerifiedAt?.ToString(CultureInfo.InvariantCulture) ?? "—"} (户号 account {state.Identity.AccountGivenAt?.ToString(CultureInfo.InvariantCulture) ?? "—"}, 户主 holder {state.Identity.NameGivenAt?.ToString(CultureInfo.InvariantCulture) ?? "—"})");
                foreach (var kind in Enum.GetValues<DialogueEvent>())
                {
                    foreach (var moment in state.Events(kind))
                        Console.WriteLine($"  {DialogueEventNames.WireName(kind)} @{moment.Sentence}: {moment.Evidence}");
                }
                if (classifier?.LabelActs(parsed.Segments.OrderBy(s => s.Start).ThenBy(s => s.End).ToList(), cancellationToken) is { } acts)
                {
                    Console.WriteLine("对话行为 dialogue acts:");
                    foreach (var act in acts)
                        Console.WriteLine($"  @{act.Sentence} {act.Speaker.ToString().ToLowerInvariant()}: {act.Act} p={act.P:0.00}");
                }
            }
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
            var after = before.WithCatalog(RuleSetCatalog.Load(result.GetValue(candidate)!));
            var scoring = new ScoringOptions(result.GetValue(active)!, ScoringOptions.FromEnvironment().DefaultRuleSet);
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            using var calls = new CallScoring(scoring, Microsoft.Extensions.Logging.Abstractions.NullLogger<CallScoring>.Instance);
            var outcome = await new RuleBacktest(app.Get<CallStore>(), calls).RunAsync(before, after, result.GetValue(since), null, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"回测 backtest: {outcome.Calls} 通通话 calls; 分数变化 score changed on {outcome.Changed}");
            if (outcome.Calls > 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"平均分 mean score {outcome.MeanActive:0.0} → {outcome.MeanCandidate:0.0}; 致命 fatal calls {outcome.FatalActive} → {outcome.FatalCandidate}"));
            Console.WriteLine($"{"rule",-6} {"active",8} {"candidate",10} {"change",8}");
            foreach (var rule in outcome.Rules)
                Console.WriteLine($"{rule.Rule,-6} {rule.Active,8} {rule.Candidate,10} {rule.Change,8:+0;-0;0}");
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static CallJudge CreateJudge(string rulesFolder) => CallJudge.ForRulesFolder(rulesFolder);

    /// <summary>Every segment's text of the transcripts under a folder; a file that is not a transcript names itself.</summary>
    private static List<string> SampleSentences(string folder)
    {
        var sentences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                sentences.AddRange(TranscriptJson.Parse(File.ReadAllBytes(file)).Segments.Select(s => s.Text));
            }
            catch (TranscriptFormatException e)
            {
                throw new TranscriptFormatException($"{file}: {e.Message}");
            }
        }
        return sentences;
    }

    /// <summary>The models of a folder on the judge's segmenter, or null when the folder has none (the rules run alone).</summary>
    private static CallClassifier? ClassifierIn(string modelsFolder, CallJudge judge) =>
        CallClassifier.AnyIn(modelsFolder) ? CallClassifier.Load(modelsFolder, new ClassifierTokens(judge.Segmenter)) : null;

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
        catch (Exception e) when (e is JiebaDataException or KeyNotFoundException or TranscriptFormatException or FileNotFoundException or InvalidDataException or DirectoryNotFoundException or ClassifierModelException)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
    }
}
