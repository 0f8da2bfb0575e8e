using SpeechQa.Scoring.Knowledge;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>知识库核对: sentences that state a number contradicting the knowledge base (the facts selected by id or prefix*).</summary>
public sealed class KnowledgeCondition : Condition
{
    public required IReadOnlyList<KnowledgeFact> Facts { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    private System.Text.RegularExpressions.Regex? _anyCue;

    /// <summary>
    /// Every fact's cue in one pattern: a sentence none of them names states no fact, and one pass over it replaces a
    /// pass per fact (most agent sentences name none). Built on first use; a race builds the same pattern twice.
    /// </summary>
    private System.Text.RegularExpressions.Regex AnyCue => _anyCue ??= new System.Text.RegularExpressions.Regex(
        string.Join('|', Facts.Select(f => $"(?:{f.Cue})")),
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            if (Facts.Count == 0 || !AnyCue.IsMatch(s.Text) || Guards.ExcludesSentence(s.Text))
                continue;
            if (KnowledgeBase.Contradiction(s.Text, Facts) is { } wrong && !Guards.Discounts(s.Text, wrong.Stated.Index))
                yield return new ConditionMatch(i, s.Start, s.End,
                    $"说的是 stated “{wrong.Stated.Text}”，知识库 {wrong.Fact.Id}: {wrong.Fact.Says}", wrong.Stated.Value);
        }
    }
}
