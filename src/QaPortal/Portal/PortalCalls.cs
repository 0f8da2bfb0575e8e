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
    public int Limit { get; init; } = 50;
}

/// <summary>One line of the work queue.</summary>
public sealed record QueueRow(string CallId, DateTimeOffset StartedAt, string AgentId, string? AgentName, string? Team, string? Region,
    string? Category, int Score, bool Fatal, string HitsJson, int? ReviewedScore);

/// <summary>
/// The scored calls as the portal lists them: the inspectors' queue is fatal calls first, then the lowest score, then
/// the highest call id (recorders number calls by date, so usually the newest) — the order of an index, so the first
/// page of 100 000 calls is read without sorting them. <c>agentScope</c> limits an agent to their own calls — enforced here, in the query, not in the page.
/// </summary>
public sealed class PortalCalls(StoreDataSource dataSource)
{
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
        When(filter.Rule is null ? null : "%\"rule\":\"" + filter.Rule.Replace("\"", "", StringComparison.Ordinal) + "\"%", "rule", "j.hits LIKE @rule");
        // SQLite's CROSS JOIN keeps the judgements as the outer loop, so the queue index gives the order and LIMIT stops early.
        var join = dataSource.Engine == StoreEngine.Sqlite ? "CROSS JOIN" : "JOIN";
        return dataSource.QueryAsync(
            $"""
            SELECT c.call_id, c.started_at, c.agent_id, c.agent_name, c.team, c.region, j.category, j.score, j.fatal, j.hits, r.reviewed_score
            FROM call_judgements j {join} calls c ON c.call_id = j.call_id LEFT JOIN call_reviews r ON r.call_id = c.call_id
            WHERE {where}
            ORDER BY j.fatal DESC, j.score ASC, j.call_id DESC
            LIMIT @limit
            """, p,
            r => new QueueRow(r.GetString(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.NullableString(3),
                r.NullableString(4), r.NullableString(5), r.NullableString(6), r.ReadInt(7), r.ReadLong(8) != 0, r.GetString(9),
                r.IsDBNull(10) ? null : r.ReadInt(10)),
            cancellationToken);
    }
}
