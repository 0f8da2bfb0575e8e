namespace SpeechQa.Scoring.Rules;

/// <summary>
/// A call's result: the hits and the score as the taxonomy defines it — 100, minus each non-fatal rule's points
/// per hit up to that rule's cap, floored at 0; any fatal hit makes it 0 and the call fatal.
/// </summary>
public sealed record CallJudgement(string CallId, string RuleSet, IReadOnlyList<RuleHit> Hits)
{
    /// <summary>The category classifier's best guesses, best first (empty when no category model ran).</summary>
    public IReadOnlyList<Classification.CategoryScore> Categories { get; init; } = [];

    /// <summary>The customer's sentences with the act model's probabilities (empty when it did not run): the repeat cues
    /// read them for root causes said in words no cue list has.</summary>
    public IReadOnlyList<Repeats.SentenceActs> CustomerActs { get; init; } = [];

    public bool Fatal => Hits.Any(h => h.Severity == Severity.Fatal);

    public int Score => ScoreOf(Hits, ruleCaps: null);

    /// <summary>The score from a subset of hits (e.g. those an inspector confirmed), with per-rule caps.</summary>
    public static int ScoreOf(IEnumerable<RuleHit> hits, IReadOnlyDictionary<string, int>? ruleCaps)
    {
        var list = hits.ToList();
        if (list.Any(h => h.Severity == Severity.Fatal))
            return 0;
        var deducted = 0;
        foreach (var rule in list.GroupBy(h => h.Rule))
        {
            var points = rule.Sum(h => h.Points); // each hit already carries its capped share
            if (ruleCaps is not null && ruleCaps.TryGetValue(rule.Key, out var cap))
                points = Math.Min(points, cap);
            deducted += points;
        }
        return Math.Max(0, 100 - deducted);
    }
}
