using System.Globalization;
using System.Text;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// The same labelled calls scored clean and with ASR noise: per-id precision and recall side by side, and the drop
/// on each micro figure (clean − noisy, so a positive drop is a loss).
/// </summary>
public sealed record NoiseComparison(RuleScorecard Clean, RuleScorecard Noisy, AsrNoiseTally Tally, AsrNoise Noise)
{
    public static NoiseComparison Score(CallJudge judge, IEnumerable<LabelledCall> calls, AsrNoise noise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var list = calls.ToList();
        var tally = new AsrNoiseTally();
        var noisy = list.Select(call =>
        {
            var made = noise.Apply(call.Transcript);
            tally.Add(made.Tally);
            return call with { Transcript = made.Transcript };
        }).ToList();
        return new NoiseComparison(RuleEvaluation.Score(judge, list, cancellationToken), RuleEvaluation.Score(judge, noisy, cancellationToken), tally, noise);
    }

    /// <summary>The four micro figures (fatal P/R, non-fatal P/R): name, clean, noisy, drop.</summary>
    public IReadOnlyList<(string Figure, double? Clean, double? Noisy, double? Drop)> Drops() =>
    [
        Figure("fatal precision", c => c.Micro('F').Precision),
        Figure("fatal recall", c => c.Micro('F').Recall),
        Figure("non-fatal precision", c => c.Micro('N').Precision),
        Figure("non-fatal recall", c => c.Micro('N').Recall),
    ];

    /// <summary>The largest drop of the four micro figures.</summary>
    public double WorstDrop => Drops().Max(d => d.Drop ?? 0);

    private (string, double?, double?, double?) Figure(string name, Func<RuleScorecard, double?> read) =>
        (name, read(Clean), read(Noisy), read(Clean) is { } c && read(Noisy) is { } n ? c - n : null);

    public string Table(string title)
    {
        var text = new StringBuilder();
        var only = Noise.Kinds.Count < Enum.GetValues<AsrChange>().Length ? ", only " + string.Join(", ", Noise.Kinds.Select(k => k.ToString().ToLowerInvariant())) : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} — {Clean.Calls} calls, ASR noise level {Noise.Level:0.00} seed {Noise.Seed}{only}");
        text.AppendLine("changes made: " + string.Join(", ", Tally.Counts.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value.Applied}/{c.Value.Opportunities}")));
        text.AppendLine("| id | labelled | clean P | clean R | noisy P | noisy R |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var id in RuleScorecard.Ids)
        {
            var (c, n) = (Clean.Counts[id], Noisy.Counts[id]);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {id} | {c.Labelled} | {Ratio(c.Precision)} | {Ratio(c.Recall)} | {Ratio(n.Precision)} | {Ratio(n.Recall)} |");
        }
        text.AppendLine("| micro | clean | noisy | drop |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (figure, clean, noisy, drop) in Drops())
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {Ratio(clean)} | {Ratio(noisy)} | {(drop is { } d ? d.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "—")} |");
        return text.ToString();
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
