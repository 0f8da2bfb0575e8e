namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// Area outage clusters (R3): inbound calls of one region about the cluster categories (no water, low pressure),
/// each within the window of the previous one, from at least <c>min_callers</c> different callers. No shared number
/// is needed; that is the point — many people hit by one unannounced outage.
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
            var run = new List<CallContact>();
            foreach (var call in region.OrderBy(c => c.StartedAt).ThenBy(c => c.CallId, StringComparer.Ordinal))
            {
                if (run.Count > 0 && call.StartedAt - run[^1].StartedAt > policy.Window)
                {
                    Keep(run);
                    run = [];
                }
                run.Add(call);
            }
            Keep(run);
        }
        clusters.Sort((a, b) => a[0].StartedAt.CompareTo(b[0].StartedAt));
        return clusters;

        void Keep(List<CallContact> run)
        {
            if (run.Select(c => c.CallerKey ?? c.AccountKey ?? c.CallId).Distinct(StringComparer.Ordinal).Count() >= policy.MinCallers)
                clusters.Add(run);
        }
    }
}
