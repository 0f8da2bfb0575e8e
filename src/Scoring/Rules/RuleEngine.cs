namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Runs a rule set on one call: every condition evaluated at most once per rule (anchors reuse the results), the
/// expression decided, and each firing rule turned into hits with the evidence of its positive conditions.
/// Stateless and thread-safe.
/// </summary>
public sealed class RuleEngine
{
    public CallJudgement Evaluate(RuleSet ruleSet, CallView call)
    {
        var hits = new List<RuleHit>();
        foreach (var rule in ruleSet.Rules)
            hits.AddRange(Evaluate(ruleSet, rule, call));
        return new CallJudgement(call.CallId, ruleSet.Label, hits);
    }

    public IReadOnlyList<RuleHit> Evaluate(RuleSet ruleSet, Rule rule, CallView call)
    {
        var results = new Dictionary<string, IReadOnlyList<ConditionMatch>>(StringComparer.Ordinal);
        var evaluating = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<ConditionMatch> Matches(string name)
        {
            if (results.TryGetValue(name, out var known))
                return known;
            if (!evaluating.Add(name))
                return []; // an anchor cycle; the loader rejects these, this is only a guard
            var matches = rule.Conditions[name].Evaluate(call, Matches);
            results[name] = matches;
            return matches;
        }

        if (!rule.When.Evaluate(name => Matches(name).Count > 0))
            return [];

        var evidence = rule.Each is { } each
            ? Matches(each)
            : rule.When.PositiveNames().Distinct().SelectMany(Matches).OrderBy(m => m.Start).Take(1).ToList();
        if (evidence.Count == 0)
            evidence = [AbsenceEvidence(rule, call)];

        var hits = new List<RuleHit>();
        var remaining = rule.Severity == Severity.NonFatal ? Math.Max(rule.Cap, rule.Points) : 0;
        foreach (var match in evidence)
        {
            var points = rule.Severity == Severity.NonFatal ? Math.Min(rule.Points, remaining) : 0;
            remaining -= points;
            var sentence = match.Sentence >= 0 && match.Sentence < call.Sentences.Count ? call.Sentences[match.Sentence] : null;
            hits.Add(new RuleHit(rule.Id, rule.Name, ruleSet.Label, rule.Severity, points, sentence?.Speaker, match.Sentence,
                match.Start, match.End, match.Evidence, rule.Confidence, rule.NeedsReview));
        }
        return hits;
    }

    /// <summary>Rules that fire on what is missing (no greeting) point at the part of the call they looked at.</summary>
    private static ConditionMatch AbsenceEvidence(Rule rule, CallView call)
    {
        var absent = rule.When.Names().Distinct().Select(n => rule.Conditions[n]).FirstOrDefault();
        var sentences = absent?.Scope.Sentences(call) ?? [];
        if (sentences.Count == 0)
            return new ConditionMatch(-1, 0, call.Duration, "未找到 not found");
        var first = call.Sentences[sentences[0]];
        var last = call.Sentences[sentences[^1]];
        return new ConditionMatch(sentences[0], first.Start, last.End, $"未找到要求的话术 required wording not found: {first.Text}");
    }
}
