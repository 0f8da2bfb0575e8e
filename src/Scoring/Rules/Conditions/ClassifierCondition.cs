namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>模型检查: sentences the dialogue-act model labels with at least this probability (no model run → no match).</summary>
public sealed class ClassifierCondition : Condition
{
    public required string Label { get; init; }

    public double MinProbability { get; init; } = 0.8;

    /// <summary>
    /// Sentences shorter than this many Chinese characters do not count: a short question (就您家还是整栋楼？) gives the
    /// model too little to tell mockery from a plain question, so a lower threshold needs a longer sentence.
    /// </summary>
    public int MinChars { get; init; }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (call.SentenceLabels is not { } labels)
            yield break;
        foreach (var i in sentences)
        {
            if (i < labels.Count && labels[i].TryGetValue(Label, out var p) && p >= MinProbability && HanCount(call.Sentences[i].Text) >= MinChars)
                yield return new ConditionMatch(i, call.Sentences[i].Start, call.Sentences[i].End, $"{Label} p={p:0.00}", p);
        }
    }

    private static int HanCount(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');
}
