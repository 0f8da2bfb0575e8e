namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// Area outage clusters (R3): a burst of inbound calls of one region about the cluster categories (no water, low
/// pressure) — at least <c>min_callers</c> different callers within the window, and at least <c>burst_factor</c>
/// times the region's usual count per window (the lower median of its non-empty windows but the busiest), so that a busy
/// region's everyday no-water calls do not merge into one month-long "outage". No shared number is needed; that
/// is the point — many people hit by one unannounced outage.
/// </summary>
public static class OutageClusterFinder
{
    public static List<List<CallContact>> Find(IEnumerable<CallContact> contacts, OutageClusterPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(policy);
        var categories = policy.Categories.ToHashSet(StringComparer.Ordinal);
        var clusters = new List<List<CallContact>>();
        foreach (var region in contacts
                     .Where(c => !c.Outbound && c.Region is not null && c.Category is not null && categories.Contains(c.Category))
                     .GroupBy(c => c.Region!, StringComparer.Ordinal))
        {
            var calls = region.OrderBy(c => c.StartedAt).ThenBy(c => c.CallId, StringComparer.Ordinal).ToList();
            var threshold = Math.Max(policy.MinCallers, (int)Math.Ceiling(policy.BurstFactor * UsualPerWindow(calls, policy.Window)));
            // Windows [i, j) holding at least the threshold of calls; overlapping ones merge into one cluster.
            int runStart = -1, runEnd = -1;
            for (int i = 0, j = 0; i < calls.Count; i++)
            {
                j = Math.Max(j, i);
                while (j < calls.Count && calls[j].StartedAt - calls[i].StartedAt <= policy.Window)
                    j++;
                if (j - i < threshold)
                    continue;
                if (runStart >= 0 && i < runEnd)
                {
                    runEnd = Math.Max(runEnd, j);
                    continue;
                }
                Keep(calls, runStart, runEnd);
                (runStart, runEnd) = (i, j);
            }
            Keep(calls, runStart, runEnd);
        }
        clusters.Sort((a, b) => a[0].StartedAt.CompareTo(b[0].StartedAt));
        return clusters;

        void Keep(List<CallContact> calls, int from, int to)
        {
            if (from < 0)
                return;
            // The outage's tail: calls within one window after the burst's last call still belong to it.
            var anchor = calls[to - 1].StartedAt;
            while (to < calls.Count && calls[to].StartedAt - anchor <= policy.Window)
                to++;
            var run = calls.GetRange(from, to - from);
            if (Customers(run) >= policy.MinCallers)
                clusters.Add(run);
        }
    }

    /// <summary>Different customers: calls sharing a number or an account are one customer (a couple on two phones, one 户号).</summary>
    public static int Customers(IReadOnlyList<CallContact> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var parent = Enumerable.Range(0, calls.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < calls.Count; i++)
        {
            foreach (var key in new[] { calls[i].CallerKey is { } n ? "n:" + n : null, calls[i].AccountKey is { } a ? "a:" + a : null })
            {
                if (key is null)
                    continue;
                if (seen.TryGetValue(key, out var other))
                    parent[Find(i)] = Find(other);
                else
                    seen[key] = i;
            }
        }
        return Enumerable.Range(0, calls.Count).Select(Find).Distinct().Count();
    }

    /// <summary>
    /// The lower median of the calls per window over the windows that have any, leaving out the busiest: the burst
    /// being judged is not the region's usual (a region whose only calls are one outage's has no usual count — zero —
    /// so the burst needs only <c>min_callers</c>; measured with the burst in, it had to be three times itself).
    /// </summary>
    private static int UsualPerWindow(List<CallContact> calls, TimeSpan window)
    {
        var first = calls[0].StartedAt;
        var counts = calls.GroupBy(c => (long)((c.StartedAt - first) / window)).Select(g => g.Count()).Order().ToList();
        counts.RemoveAt(counts.Count - 1);
        return counts.Count == 0 ? 0 : counts[(counts.Count - 1) / 2];
    }
}
