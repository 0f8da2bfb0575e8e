using System.Globalization;
using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal;

/// <summary>What the work queue filters by; null means any.</summary>
public sealed record QueueFilter
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Agent { get; init; }
    public string? Team { get; init; }
    public string? Category { get; init; }
    public string? Rule { get; init; }
    public string? Region { get; init; }

    /// <summary>Words or "phrases" said in the call (the search index, as `speechqa search`).</summary>
    public string? Text { get; init; }

    /// <summary>Only calls assigned to this inspector (sampling, <c>call_assignments</c>).</summary>
    public string? AssignedTo { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One line of the work queue.</summary>
public sealed record QueueRow(string CallId, DateTimeOffset StartedAt, string AgentId, string? AgentName, string? Team, string? Region,
    string? Category, int Score, bool Fatal, string HitsJson, int? ReviewedScore)
{
    /// <summary>The inspector the call is assigned to, if any.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Where the searched words were said, highlighted with 【】 (text searches only).</summary>
    public string? Snippet { get; init; }
}

/// <summary>
/// The scored calls as the portal lists them: the inspectors' queue is fatal calls first, then the lowest score, then
/// the highest call id (recorders number calls by date, so usually the newest) — the order of an index, so the first
/// page of 100 000 calls is read without sorting them. <c>agentScope</c> limits an agent to their own calls — enforced here, in the query, not in the page.
/// </summary>
public sealed class PortalCalls(StoreDataSource dataSource, SpeechQa.Pipeline.Search.SearchIndexing search)
{
    /// <summary>A full-text queue: the search index finds the calls (lowest score first), filters as in the queue.</summary>
    public async Task<List<QueueRow>> SearchAsync(QueueFilter filter, string? agentScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        static IReadOnlyList<string> One(string? value) => value is null ? [] : [value];
        var page = await search.Index.SearchAsync(new SpeechQa.Search.SearchQuery
        {
            Text = filter.Text, From = filter.From, To = filter.To, Agents = agentScope is not null ? [agentScope] : One(filter.Agent), Teams = One(filter.Team),
            Categories = One(filter.Category), Rules = One(filter.Rule), Regions = One(filter.Region),
            Sort = SpeechQa.Search.SearchSort.ScoreAscending, PageSize = Math.Clamp(filter.Limit, 1, 500),
        }, cancellationToken).ConfigureAwait(false);
        return [.. page.Hits.Select(h => new QueueRow(h.Call.CallId, h.Call.StartedAt, h.Call.AgentId ?? "", h.Call.AgentName, h.Call.Team, h.Call.Region,
            h.Call.Category, h.Call.Score ?? 0, h.Call.Fatal,
            System.Text.Json.JsonSerializer.Serialize(h.Call.Hits.Select(x => new { rule = x.Rule, severity = x.Severity })), null)
        {
            Snippet = h.Snippets.Count > 0 ? h.Snippets[0].Highlighted : null,
        })];
    }

    public Task<List<QueueRow>> QueueAsync(QueueFilter filter, string? agentScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = "c.status = 'scored'";
        var p = new SqlParameterList { { "limit", Math.Clamp(filter.Limit, 1, 500) } };
        void When(object? value, string name, string condition)
        {
            if (value is null)
                return;
            where += " AND " + condition;
            p.Add(name, value);
        }
        When(agentScope, "scope", "c.agent_id = @scope");
        When(filter.From?.ToUnixTimeMilliseconds(), "from", "c.started_at_ms >= @from");
        When(filter.To?.ToUnixTimeMilliseconds(), "to", "c.started_at_ms < @to");
        When(filter.Agent, "agent", "c.agent_id = @agent");
        When(filter.Team, "team", "c.team = @team");
        When(filter.Region, "region", "c.region = @region");
        When(filter.Category, "category", "j.category = @category");
        When(filter.AssignedTo, "assignee", "EXISTS (SELECT 1 FROM call_assignments x WHERE x.call_id = c.call_id AND x.inspector = @assignee)");
        When(filter.Rule is null ? null : "%\"rule\":\"" + filter.Rule.Replace("\"", "", StringComparison.Ordinal) + "\"%", "rule", "j.hits LIKE @rule");
        // SQLite's CROSS JOIN keeps the judgements as the outer loop, so the queue index gives the order and LIMIT stops early.
        var join = dataSource.Engine == StoreEngine.Sqlite ? "CROSS JOIN" : "JOIN";
        return dataSource.QueryAsync(
            $"""
            SELECT c.call_id, c.started_at, c.agent_id, c.agent_name, c.team, c.region, j.category, j.score, j.fatal, j.hits, r.reviewed_score, a.inspector
            FROM call_judgements j {join} calls c ON c.call_id = j.call_id LEFT JOIN call_reviews r ON r.call_id = c.call_id
            LEFT JOIN call_assignments a ON a.call_id = c.call_id
            WHERE {where}
            ORDER BY j.fatal DESC, j.score ASC, j.call_id DESC
            LIMIT @limit
            """, p,
            r => new QueueRow(r.GetString(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.NullableString(3),
                r.NullableString(4), r.NullableString(5), r.NullableString(6), r.ReadInt(7), r.ReadLong(8) != 0, r.GetString(9),
                r.IsDBNull(10) ? null : r.ReadInt(10)) { AssignedTo = r.NullableString(11) },
            cancellationToken);
    }
}
