namespace SpeechQa.Scoring.Repeats;

/// <summary>Chains (two or more calls), outage clusters, and every member call's place, for one policy.</summary>
public sealed record RepeatAnalysisResult(IReadOnlyList<RepeatChain> Chains, IReadOnlyList<RepeatChain> Clusters,
    IReadOnlyDictionary<string, RepeatMembership> Members, IReadOnlyDictionary<string, string> NextInChain)
{
    /// <summary>Whether the call was followed by a repeat inside its window.</summary>
    public bool WasRepeated(string callId) => NextInChain.ContainsKey(callId);
}

/// <summary>Chaining, clustering and attribution over a set of calls: what `speechqa repeats` and the repeats job run.</summary>
public sealed class RepeatAnalysis(RepeatPolicy policy)
{
    public RepeatPolicy Policy { get; } = policy;

    public RepeatAnalysisResult Run(IReadOnlyCollection<CallContact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var clusters = OutageClusterFinder.Find(contacts, Policy.OutageCluster).Select(RootCauseAttributor.Cluster).ToList();
        var clustered = clusters.SelectMany(c => c.Calls).Select(c => c.CallId).ToHashSet(StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        var attributor = new RootCauseAttributor(Policy);
        var callbacks = OutboundByCustomer(contacts);
        var chains = new List<RepeatChain>();
        var members = new Dictionary<string, RepeatMembership>(StringComparer.Ordinal);
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var calls in RepeatChainer.Chain(contacts, Policy))
        {
            if (calls.Count < 2)
                continue;
            var chain = attributor.Attribute(calls, clustered, CallbacksWithin(calls, callbacks));
            chains.Add(chain);
            for (var i = 0; i < calls.Count; i++)
            {
                members[calls[i].CallId] = new RepeatMembership(chain.Id, RepeatKind.Chain, chain.Origin.CallId, i + 1, chain.RootCause);
                if (i + 1 < calls.Count)
                    next[calls[i].CallId] = calls[i + 1].CallId;
            }
        }
        foreach (var cluster in clusters)
        {
            for (var i = 0; i < cluster.Calls.Count; i++)
                members.TryAdd(cluster.Calls[i].CallId, new RepeatMembership(cluster.Id, RepeatKind.Cluster, cluster.Origin.CallId, i + 1, RootCause.R3));
        }
        return new RepeatAnalysisResult(chains, clusters, members, next);
    }

    /// <summary>Outbound calls (callbacks, reminders) by caller number and by account.</summary>
    private static Dictionary<string, List<CallContact>> OutboundByCustomer(IEnumerable<CallContact> contacts)
    {
        var byKey = new Dictionary<string, List<CallContact>>(StringComparer.Ordinal);
        foreach (var call in contacts.Where(c => c.Outbound))
        {
            foreach (var key in KeysOf(call))
            {
                if (!byKey.TryGetValue(key, out var list))
                    byKey[key] = list = [];
                list.Add(call);
            }
        }
        return byKey;
    }

    /// <summary>The callbacks to the chain's customer between its first and last call: never members, but what they hear
    /// (师傅上午来放了气) is evidence about the chain.</summary>
    private static List<CallContact> CallbacksWithin(List<CallContact> calls, Dictionary<string, List<CallContact>> outbound)
    {
        var (from, to) = (calls[0].StartedAt, calls[^1].StartedAt);
        var found = new List<CallContact>();
        foreach (var key in calls.SelectMany(KeysOf))
        {
            if (outbound.TryGetValue(key, out var list))
                found.AddRange(list.Where(o => o.StartedAt > from && o.StartedAt < to && !found.Contains(o)));
        }
        return found;
    }

    private static IEnumerable<string> KeysOf(CallContact call)
    {
        if (call.NumberIndexKey is { } number)
            yield return number;
        if (call.AccountIndexKey is { } account)
            yield return account;
    }
}
