using SpeechQa.Scoring.Knowledge;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>知识库核对: sentences that state a number contradicting the knowledge base (the facts selected by id or prefix*).</summary>
public sealed class KnowledgeCondition : Condition
{
    public required IReadOnlyList<KnowledgeFact> Facts { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            if (Guards.ExcludesSentence(s.Text))
                continue;
            if (KnowledgeBase.Contradiction(s.Text, Facts) is { } wrong && !Guards.Discounts(s.Text, wrong.Stated.Index))
                yield return new ConditionMatch(i, s.Start, s.End,
                    $"说的是 stated “{wrong.Stated.Text}”，知识库 {wrong.Fact.Id}: {wrong.Fact.Says}", wrong.Stated.Value);
        }
    }
}
