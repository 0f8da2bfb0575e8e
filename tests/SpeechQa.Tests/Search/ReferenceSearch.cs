using SpeechQa.Search;

namespace SpeechQa.Tests.Search;

/// <summary>The oracle: a query evaluated by scanning the documents in memory, written from SearchQuery's contract.</summary>
public static class ReferenceSearch
{
    public static List<CallDocument> Matching(IReadOnlyList<CallDocument> calls, SearchQuery q, IReadOnlyList<QueryClause> clauses) =>
        [.. Sorted(calls.Where(c => Passes(c, q, clauses)), q.Sort)];

    public static bool Passes(CallDocument c, SearchQuery q, IReadOnlyList<QueryClause> clauses) =>
        (q.Agents.Count == 0 || q.Agents.Contains(c.AgentId!))
        && (q.Teams.Count == 0 || q.Teams.Contains(c.Team!))
        && (q.Regions.Count == 0 || q.Regions.Contains(c.Region!))
        && (q.Categories.Count == 0 || q.Categories.Contains(c.Category!))
        && (q.Rules.Count == 0 || c.Hits.Any(h => q.Rules.Contains(h.Rule)))
        && (q.Severity is null || c.Hits.Any(h => h.Severity == q.Severity))
        && (q.ScoreMin is null || c.Score >= q.ScoreMin)
        && (q.ScoreMax is null || c.Score <= q.ScoreMax)
        && (q.From is null || c.StartedAt >= q.From)
        && (q.To is null || c.StartedAt < q.To)
        && clauses.All(clause => c.Segments.Any(s => QueryText.Qualifies(c, s, q) && QueryText.Matches(s, clause, q.WholeWords)));

    public static IEnumerable<CallDocument> Sorted(IEnumerable<CallDocument> calls, SearchSort sort) => sort switch
    {
        SearchSort.Oldest => calls.OrderBy(c => c.StartedAt.ToUnixTimeMilliseconds()).ThenBy(c => c.CallId, StringComparer.Ordinal),
        SearchSort.ScoreAscending => calls.OrderBy(c => c.Score ?? -1).ThenBy(c => c.StartedAt.ToUnixTimeMilliseconds()).ThenBy(c => c.CallId, StringComparer.Ordinal),
        SearchSort.ScoreDescending => calls.OrderByDescending(c => c.Score ?? -1).ThenByDescending(c => c.StartedAt.ToUnixTimeMilliseconds()).ThenByDescending(c => c.CallId, StringComparer.Ordinal),
        _ => calls.OrderByDescending(c => c.StartedAt.ToUnixTimeMilliseconds()).ThenByDescending(c => c.CallId, StringComparer.Ordinal),
    };
}
