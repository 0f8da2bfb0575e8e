namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>模型检查: sentences the dialogue-act model labels with at least this probability (no model run → no match).</summary>
public sealed class ClassifierCondition : Condition
{
    public required string Label { get; init; }

    public double MinProbability { get; init; } = 0.8;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (call.SentenceLabels is not { } labels)
            yield break;
        foreach (var i in sentences)
        {
            if (i < labels.Count && labels[i].TryGetValue(Label, out var p) && p >= MinProbability)
                yield return new ConditionMatch(i, call.Sentences[i].Start, call.Sentences[i].End, $"{Label} p={p:0.00}", p);
        }
    }
}
