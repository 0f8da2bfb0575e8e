namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>模型检查: sentences the dialogue-act model labels with at least this probability (no model run → no match).</summary>
public sealed class ClassifierCondition : Condition
{
    public required string Label { get; init; }

    public double MinProbability { get; init; } = 0.8;

    /// <summary>
    /// Sentences of at most this many characters need <see cref="ShortMinProbability"/> (0: no such rule). A short
    /// question (您家住哪？) gives the model a handful of features, and one word it learned from mocking lines (您家)
    /// carries it past the usual threshold.
    /// </summary>
    public int ShortChars { get; init; }

    public double ShortMinProbability { get; init; }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (call.SentenceLabels is not { } labels)
            yield break;
        foreach (var i in sentences)
        {
            var needed = call.Sentences[i].Text.Length <= ShortChars ? Math.Max(MinProbability, ShortMinProbability) : MinProbability;
            if (i < labels.Count && labels[i].TryGetValue(Label, out var p) && p >= needed)
                yield return new ConditionMatch(i, call.Sentences[i].Start, call.Sentences[i].End, $"{Label} p={p:0.00}", p);
        }
    }
}
