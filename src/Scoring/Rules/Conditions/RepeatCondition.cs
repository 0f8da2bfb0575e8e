namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>上下文重复检查: a speaker says nearly the same thing again within N of their sentences (short ones skipped).</summary>
public sealed class RepeatCondition : Condition
{
    public int WithinSentences { get; init; } = 3;

    public double Similarity { get; init; } = 0.8;

    public int MinChars { get; init; } = 5;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        for (var a = 0; a < sentences.Count; a++)
        {
            var first = call.Sentences[sentences[a]];
            if (SentenceSimilarity.SpokenLength(first.Text) < MinChars)
                continue;
            for (var b = a + 1; b < sentences.Count && b - a <= WithinSentences; b++)
            {
                var second = call.Sentences[sentences[b]];
                if (second.Speaker != first.Speaker || SentenceSimilarity.SpokenLength(second.Text) < MinChars)
                    continue;
                var similarity = SentenceSimilarity.Of(first.Text, second.Text);
                if (similarity >= Similarity)
                {
                    yield return new ConditionMatch(sentences[b], second.Start, second.End, second.Text, Math.Round(similarity, 2));
                    break;
                }
            }
        }
    }
}
