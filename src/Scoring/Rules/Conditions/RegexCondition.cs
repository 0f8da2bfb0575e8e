namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>正则检查: sentences where the pattern matches and the exclusion pattern (if any) does not.</summary>
public sealed class RegexCondition : Condition
{
    public required ScreenedRegex Pattern { get; init; }

    public ScreenedRegex? Exclude { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    internal override IEnumerable<ScreenedRegex> Patterns => Exclude is null ? [Pattern] : [Pattern, Exclude];

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            // The pattern first: most sentences do not match it, and then neither exclusion needs reading.
            var m = Pattern.Match(s.Text);
            if (!m.Success || Guards.ExcludesSentence(s.Text) || (Exclude?.IsMatch(s.Text) ?? false))
                continue;
            for (; m.Success; m = m.NextMatch())
            {
                if (!Guards.Discounts(s.Text, m.Index))
                {
                    yield return new ConditionMatch(i, s.Start, s.End, m.Value);
                    break;
                }
            }
        }
    }
}
