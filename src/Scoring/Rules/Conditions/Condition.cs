using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>
/// One named test of a rule (an operator, 算子) with where it looks: which speaker, which part of the call, and
/// optionally only near another condition's hits (the anchor). Evaluating gives every place it holds.
/// </summary>
public abstract class Condition
{
    public required string Name { get; init; }

    public ConditionScope Scope { get; internal set; } = ConditionScope.Everywhere;

    public ConditionAnchor? Anchor { get; internal set; }

    /// <summary>The patterns the condition reads sentences with (for the rule set's shared <see cref="LiteralScreen"/>).</summary>
    internal virtual IEnumerable<ScreenedRegex> Patterns => [];

    /// <summary>The operator's own matches within the scope, before the anchor filter.</summary>
    protected abstract IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences);

    public IReadOnlyList<ConditionMatch> Evaluate(CallView call, Func<string, IReadOnlyList<ConditionMatch>> other)
    {
        var matches = Find(call, Scope.Sentences(call)).ToList();
        if (Anchor is null || matches.Count == 0)
            return matches;
        var anchors = other(Anchor.Condition);
        return [.. matches.Where(m => anchors.Any(a => Anchor.Accepts(a.Sentence, m.Sentence)))];
    }
}

/// <summary>Which sentences a condition reads: a speaker, the first/last N sentences or seconds of the call, and whether
/// only the opening turn (what is said before the caller first says more than a word or two).</summary>
public sealed record ConditionScope(Speaker? Speaker, int? FirstSentences, int? LastSentences, double? FirstSeconds, double? LastSeconds,
    bool OpeningTurn = false)
{
    public static readonly ConditionScope Everywhere = new(null, null, null, null, null);

    /// <summary>Characters (punctuation aside) up to which a caller's line is an interjection (喂？喂？有人吗？ / 格是自来水公司？) that does not end
    /// the agent's opening turn.</summary>
    private const int Interjection = 8;

    public IReadOnlyList<int> Sentences(CallView call)
    {
        var chosen = new List<int>();
        var agentSpoke = false;
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            // 您好，请讲。— 是自来水公司吗？我家没水了 — 是的: an answer to the caller is no longer the opening (a caller who
            // speaks before the agent has said anything does not end it).
            if (OpeningTurn && agentSpoke && s.Speaker == SpeechQa.Batch.Transcripts.Speaker.Customer && s.Text.Count(char.IsLetterOrDigit) > Interjection)
                break;
            agentSpoke |= s.Speaker == SpeechQa.Batch.Transcripts.Speaker.Agent;
            if (Speaker is { } speaker && s.Speaker != speaker)
                continue;
            if (FirstSeconds is { } first && s.Start >= first)
                continue;
            if (LastSeconds is { } last && s.End <= call.Duration - last)
                continue;
            chosen.Add(i);
        }
        if (FirstSentences is { } n && chosen.Count > n)
            chosen = chosen[..n];
        if (LastSentences is { } m && chosen.Count > m)
            chosen = chosen[^m..];
        return chosen;
    }

    public bool Contains(CallView call, double time) =>
        (FirstSeconds is not { } first || time < first) && (LastSeconds is not { } last || time > call.Duration - last);
}

/// <summary>Keeps a match only before / after / around a hit of another condition, within N sentences.</summary>
public sealed record ConditionAnchor(string Condition, AnchorPosition Position, int WithinSentences)
{
    public bool Accepts(int anchor, int match) => Position switch
    {
        AnchorPosition.Before => match <= anchor && anchor - match <= WithinSentences,
        AnchorPosition.After => match >= anchor && match - anchor <= WithinSentences,
        _ => Math.Abs(match - anchor) <= WithinSentences,
    };
}

public enum AnchorPosition
{
    Before,
    After,
    Around,
}
