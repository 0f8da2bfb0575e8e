namespace SpeechQa.Scoring.Repeats;

/// <summary>A chain of calls about one unresolved need (kind chain), or an area outage cluster (kind cluster).</summary>
public enum RepeatKind
{
    Chain,
    Cluster,
}

/// <summary>One piece of evidence for a root cause: which call shows it, how strongly, and in words an inspector can check.</summary>
public sealed record RootCauseEvidence(RootCause Cause, int Weight, string CallId, string Says);

/// <summary>
/// Calls in time order (the first is the origin), the attributed root cause, all evidence found (for every cause, not
/// only the winner) and the explanation in zh-CN. The id comes from the origin call, so recomputing gives the same id.
/// </summary>
public sealed record RepeatChain(string Id, RepeatKind Kind, IReadOnlyList<CallContact> Calls, RootCause RootCause,
    IReadOnlyList<RootCauseEvidence> Evidence, string Explanation)
{
    public CallContact Origin => Calls[0];

    public static string ChainIdFor(string originCallId) => "K-" + originCallId;

    public static string ClusterIdFor(string firstCallId) => "A-" + firstCallId;
}

/// <summary>A call's place in a chain or cluster, as exported in the <c>repeat</c> field.</summary>
public sealed record RepeatMembership(string ChainId, RepeatKind Kind, string OriginCallId, int Position, RootCause RootCause);
