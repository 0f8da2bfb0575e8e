using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using SpeechQa.Scoring.Classification;

namespace SpeechQa.Training;

/// <summary>
/// ML.NET's cross-validation results: its per-fold metrics (micro/macro accuracy, log-loss), and per-label
/// precision/recall/F1 with the confusion matrix over all held-out folds. For a speaker-conditioned model the
/// predictions are restricted to the speaker's labels as in the product (ML.NET's own metrics are not).
/// </summary>
public sealed record CrossValidationReport(IReadOnlyList<FoldMetrics> Folds, ClassificationReport Report)
{
    internal static CrossValidationReport Of(MLContext ml, IReadOnlyList<TrainCatalogBase.CrossValidationResult<MulticlassClassificationMetrics>> results,
        IReadOnlyList<string> labels, IReadOnlyDictionary<string, IReadOnlyList<string>>? speakerLabels)
    {
        var restriction = speakerLabels is null ? null : new SpeakerRestriction(labels, speakerLabels);
        var actual = new List<string>();
        var predicted = new List<string>();
        var folds = new List<FoldMetrics>();
        foreach (var fold in results.OrderBy(r => r.Fold))
        {
            var scored = fold.ScoredHoldOutSet;
            // GetColumn reads the raw key (1 = first label); CreateEnumerable into a uint would shift it.
            var keys = scored.GetColumn<uint>(scored.Schema[nameof(ExampleRow.Label)]).ToList();
            var speakers = scored.GetColumn<string>(scored.Schema[nameof(ExampleRow.Speaker)]).ToList();
            var scores = scored.GetColumn<VBuffer<float>>(scored.Schema["Score"]).Select(v => v.DenseValues().ToArray()).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                var p = restriction is null ? scores[i] : restriction.Apply(scores[i], speakers[i]);
                actual.Add(labels[(int)keys[i] - 1]);
                predicted.Add(labels[Array.IndexOf(p, p.Max())]);
            }
            var m = fold.Metrics;
            folds.Add(new FoldMetrics(fold.Fold, keys.Count, m.MicroAccuracy, m.MacroAccuracy, m.LogLoss));
        }
        return new CrossValidationReport(folds, ClassificationReport.Of(actual, predicted));
    }

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| fold | held out | micro-accuracy | macro-accuracy | log-loss |").AppendLine("|---|---|---|---|---|");
        foreach (var f in Folds)
            sb.AppendLine(c, $"| {f.Fold} | {f.Examples} | {f.MicroAccuracy:0.000} | {f.MacroAccuracy:0.000} | {f.LogLoss:0.000} |");
        sb.AppendLine(c, $"| mean | {Folds.Sum(f => f.Examples)} | {Folds.Average(f => f.MicroAccuracy):0.000} | {Folds.Average(f => f.MacroAccuracy):0.000} | {Folds.Average(f => f.LogLoss):0.000} |");
        sb.AppendLine().AppendLine("All held-out folds together:").AppendLine().Append(Report.ToMarkdown());
        return sb.ToString();
    }

}

/// <summary>ML.NET's metrics of one cross-validation fold.</summary>
public sealed record FoldMetrics(int Fold, int Examples, double MicroAccuracy, double MacroAccuracy, double LogLoss);
