namespace SpeechQa.Scoring.Classification;

/// <summary>The labels a training set teaches, in ordinal order (the model's class order); refuses a set that cannot train.</summary>
public static class TrainingLabels
{
    public static List<string> Of(IReadOnlyList<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
            throw new ArgumentException("no training examples", nameof(examples));
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
            throw new ArgumentException($"training needs at least two labels, found only '{labels[0]}'", nameof(examples));
        return labels;
    }
}
