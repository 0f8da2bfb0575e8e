namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// Links inbound calls into chains: a call repeats the most recent open chain that shares its caller number or
/// account, whose last call is within the window (the origin's group window), and whose categories relate to its
/// own, unless the customer says it is a new issue (另外一个问题). A pure function of the calls: calls that arrive
/// late simply take their place when the chains are computed again, and chain ids come from the origins.
/// </summary>
public static class RepeatChainer
{
    /// <summary>Every inbound call's chain, single-call chains included, in origin order; each chain in time order.</summary>
    public static List<List<CallContact>> Chain(IEnumerable<CallContact> contacts, RepeatPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(policy);
        var calls = contacts.Where(c => !c.Outbound).ToList();
        calls.Sort(static (a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : string.CompareOrdinal(a.CallId, b.CallId));
        var chains = new List<OpenChain>();
        var byKey = new Dictionary<string, List<OpenChain>>(StringComparer.Ordinal);
        var forget = policy.LongestWindow;
        var keys = new string?[2];
        foreach (var call in calls)
        {
            keys[0] = call.NumberIndexKey;
            keys[1] = call.AccountIndexKey;
            OpenChain? best = null;
            if (call.Cue(RepeatCueFinder.NewIssue) is null)
            {
                foreach (var key in keys)
                {
                    if (key is null || !byKey.TryGetValue(key, out var open))
                        continue;
                    open.RemoveAll(c => call.StartedAt - c.Last > forget);
                    foreach (var chain in open)
                    {
                        if (call.StartedAt - chain.Last <= chain.Window && chain.Relates(call.Category, policy) && (best is null || chain.Last > best.Last))
                            best = chain;
                    }
                }
            }
            if (best is null)
            {
                best = new OpenChain(policy.WindowFor(call.Category));
                chains.Add(best);
            }
            best.Add(call);
            foreach (var key in keys)
            {
                if (key is null)
                    continue;
                if (!byKey.TryGetValue(key, out var open))
                    byKey[key] = open = [];
                if (!open.Contains(best))
                    open.Add(best);
            }
        }
        return [.. chains.Select(c => c.Calls)];
    }

    private sealed class OpenChain(TimeSpan window)
    {
        private readonly HashSet<string?> _categories = [];

        public List<CallContact> Calls { get; } = [];
        public TimeSpan Window { get; } = window;
        public DateTimeOffset Last { get; private set; }

        public void Add(CallContact call)
        {
            Calls.Add(call);
            _categories.Add(call.Category);
            Last = call.StartedAt;
        }

        public bool Relates(string? category, RepeatPolicy policy)
        {
            foreach (var c in _categories)
            {
                if (policy.AreRelated(c, category))
                    return true;
            }
            return false;
        }
    }
}
