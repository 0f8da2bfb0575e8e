using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Evaluation.Noise;
using SpeechQa.Scoring.Judging;
using SpeechQa.Tests.Infrastructure;
using Xunit.Abstractions;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// Issue #18 item 6: the test split scored clean and with ASR-like noise (<see cref="AsrNoise"/> at its default
/// level, seed 0), both tables and the drop printed (`speechqa rules eval --asr-noise` prints the same). The bound is
/// the drop measured when this test was written plus a small margin, so it catches a loss of robustness; the issue's
/// target (at most 0.05 on each micro figure) and where the rules stand against it are in docs/rules-evaluation.md.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class AsrNoiseEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    // Measured at level 0.3, seed 0 (docs/rules-evaluation.md), after the act model and the new sets: worst drop test 0.107
    // (non-fatal precision), dev 0.131 (fatal precision).
    [InlineData(EvaluationSplit.Test, 0.06)]
    [InlineData(EvaluationSplit.Dev, 0.10)]
    public void Drop_under_asr_noise_stays_within_the_measured_bound(EvaluationSplit split, double bound)
    {
        var sets = AvailableSets().Where(s => s.Split == split).ToList();
        Assert.NotEmpty(sets);
        var judge = EvaluationSetTests.ProductJudge(out var classifier);
        using var models = classifier;
        var comparison = NoiseComparison.Score(judge, sets.SelectMany(s => s.Calls), new AsrNoise(AsrNoise.DefaultLevel));
        var title = $"{split} ({string.Join(", ", sets.Select(s => s.Name))})";
        output.WriteLine(comparison.Clean.Table($"{title}, clean"));
        output.WriteLine(comparison.Noisy.Table($"{title}, ASR noise"));
        output.WriteLine(comparison.Table($"{title}, clean vs noisy"));
        foreach (var (figure, clean, noisy, drop) in comparison.Drops())
            Assert.True(drop is null || drop <= bound, $"{split} {figure}: {clean:0.000} → {noisy:0.000}, drop {drop:0.000} over the bound {bound}");
    }

    // The sets of tests/eval/sets.csv whose folder is there (a set being written is listed before its folder lands).
    private IReadOnlyList<EvaluationSet> AvailableSets()
    {
        var index = Path.Combine(TestPaths.Repository, "tests/eval/sets.csv");
        var lines = File.ReadAllLines(index);
        var folder = Array.IndexOf(CsvLine.Split(lines[0]), "folder");
        var present = lines.Skip(1).Where(l => l.Trim().Length > 0 && File.Exists(Path.Combine(TestPaths.Repository, "tests/eval", CsvLine.Split(l)[folder], "labels.csv"))).ToList();
        foreach (var missing in lines.Skip(1).Except(present).Where(l => l.Trim().Length > 0))
            output.WriteLine($"not scored (no labels.csv yet): {CsvLine.Split(missing)[0]}");
        var available = Path.Combine(Directory.CreateTempSubdirectory("speechqa-sets-").FullName, "sets.csv");
        File.WriteAllLines(available, [lines[0], .. present.Select(l => Absolute(l, folder))]);
        return EvaluationSet.LoadIndex(available);
    }

    private static string Absolute(string line, int folderColumn)
    {
        var fields = CsvLine.Split(line);
        fields[folderColumn] = Path.Combine(TestPaths.Repository, "tests/eval", fields[folderColumn]);
        return string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
