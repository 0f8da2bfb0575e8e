using System.Globalization;
using System.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>Per-class precision, recall and F1, macro-F1, accuracy and the confusion matrix of a set of predictions.</summary>
public sealed record ClassificationReport(IReadOnlyList<string> Labels, int[,] Confusion)
{
    public static ClassificationReport Of(IReadOnlyList<string> actual, IReadOnlyList<string> predicted)
    {
        var labels = actual.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = new int[labels.Count, labels.Count];
        for (var i = 0; i < actual.Count; i++)
            confusion[index[actual[i]], index[predicted[i]]]++;
        return new ClassificationReport(labels, confusion);
    }

    public int Count => Labels.Select((_, i) => Row(i)).Sum();

    public double Accuracy => Count == 0 ? 0 : (double)Labels.Select((_, i) => Confusion[i, i]).Sum() / Count;

    /// <summary>Macro-F1 over the labels that occur in the actual labels.</summary>
    public double MacroF1 => Labels.Select((_, i) => i).Where(i => Row(i) > 0).Select(F1).DefaultIfEmpty(0).Average();

    public double Precision(int k) => Column(k) == 0 ? 0 : (double)Confusion[k, k] / Column(k);

    public double Recall(int k) => Row(k) == 0 ? 0 : (double)Confusion[k, k] / Row(k);

    public double F1(int k) => Precision(k) + Recall(k) == 0 ? 0 : 2 * Precision(k) * Recall(k) / (Precision(k) + Recall(k));

    private int Row(int k) => Enumerable.Range(0, Labels.Count).Sum(j => Confusion[k, j]);

    private int Column(int k) => Enumerable.Range(0, Labels.Count).Sum(i => Confusion[i, k]);

    /// <summary>A Markdown report: per-class table, then the confusion matrix (rows actual, columns predicted).</summary>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"examples {Count}, accuracy {Accuracy:0.000}, macro-F1 {MacroF1:0.000}").AppendLine();
        sb.AppendLine("| label | support | precision | recall | F1 |").AppendLine("|---|---|---|---|---|");
        for (var k = 0; k < Labels.Count; k++)
            sb.AppendLine(c, $"| {Labels[k]} | {Row(k)} | {Precision(k):0.000} | {Recall(k):0.000} | {F1(k):0.000} |");
        sb.AppendLine().Append("| actual \\ predicted |");
        foreach (var l in Labels)
            sb.Append(c, $" {l} |");
        sb.AppendLine().Append("|---|");
        foreach (var _ in Labels)
            sb.Append("---|");
        sb.AppendLine();
        for (var i = 0; i < Labels.Count; i++)
        {
            sb.Append(c, $"| {Labels[i]} |");
            for (var j = 0; j < Labels.Count; j++)
                sb.Append(c, $" {Confusion[i, j]} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
