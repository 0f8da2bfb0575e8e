namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>相似句检查: sentences at least this similar to one of the example sentences.</summary>
public sealed class SimilarityCondition : Condition
{
    public required IReadOnlyList<string> Examples { get; init; }

    public double Threshold { get; init; } = 0.6;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            var best = Examples.Max(e => SentenceSimilarity.Of(s.Text, e));
            if (best >= Threshold)
                yield return new ConditionMatch(i, s.Start, s.End, s.Text, Math.Round(best, 2));
        }
    }
}
