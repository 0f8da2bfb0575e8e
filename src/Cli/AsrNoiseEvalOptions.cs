using System.CommandLine;
using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Evaluation.Noise;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa rules eval --asr-noise [--noise-level L] [--noise-seed N]`: after the clean tables, the same sets scored
/// clean and with ASR-like noise (<see cref="AsrNoise"/>), per set and per split, with the drop on each micro figure.
/// Kept apart from the eval command's own body so that both can change independently.
/// </summary>
internal sealed class AsrNoiseEvalOptions
{
    private readonly Option<bool> _enabled = new("--asr-noise") { Description = "Also score every set with ASR-like noise (homophones, punctuation, numbers, segment cuts, fillers) and print the drop" };
    private readonly Option<double> _level = new("--noise-level") { Description = "Probability of each noise change where it can happen (0–1)", DefaultValueFactory = _ => AsrNoise.DefaultLevel };
    private readonly Option<AsrChange[]> _kinds = new("--noise-kinds") { Description = "Only these kinds of change (homophone, punctuation, number, split, merge, filler); all by default", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _seed = new("--noise-seed") { Description = "Seed mixed with each call id, so a run reproduces", DefaultValueFactory = _ => 0 };

    public static AsrNoiseEvalOptions AddTo(Command command)
    {
        var options = new AsrNoiseEvalOptions();
        command.Options.Add(options._enabled);
        command.Options.Add(options._level);
        command.Options.Add(options._seed);
        command.Options.Add(options._kinds);
        return options;
    }

    /// <param name="showMisses">Also list, for the dev sets only, the disagreements the noise added (on clean text the call was right).</param>
    public void PrintIfAsked(ParseResult result, CallJudge judge, IReadOnlyList<EvaluationSet> sets, bool showMisses, CancellationToken cancellationToken)
    {
        if (!result.GetValue(_enabled))
            return;
        var kinds = result.GetValue(_kinds) is { Length: > 0 } some ? some.ToHashSet() : null;
        var noise = new AsrNoise(result.GetValue(_level), result.GetValue(_seed), kinds);
        foreach (var split in new[] { EvaluationSplit.Dev, EvaluationSplit.Test })
        {
            var ofSplit = sets.Where(s => s.Split == split).ToList();
            if (ofSplit.Count == 0)
                continue;
            Console.WriteLine();
            foreach (var set in ofSplit)
            {
                var one = NoiseComparison.Score(judge, set.Calls, noise, cancellationToken);
                Console.WriteLine($"{split.ToString().ToLowerInvariant(),-4} {set.Name,-14} {one.Clean.Calls,4} calls  clean → noisy  " + string.Join("  ", one.Drops().Select(d => $"{d.Figure} {RuleScorecard.Ratio(d.Clean)} → {RuleScorecard.Ratio(d.Noisy)}")));
                if (showMisses && split == EvaluationSplit.Dev)
                {
                    foreach (var line in one.Noisy.Disagreements.Except(one.Clean.Disagreements))
                        Console.WriteLine($"    noisy: {line}");
                }
            }
            var all = NoiseComparison.Score(judge, ofSplit.SelectMany(s => s.Calls), noise, cancellationToken);
            Console.WriteLine();
            Console.WriteLine(all.Table($"## ASR noise, {(split == EvaluationSplit.Dev ? "dev (tuned on)" : "test (never tuned on)")}: {string.Join(", ", ofSplit.Select(s => s.Name))}"));
        }
    }
}
