using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Reviews;

/// <summary>An agent's appeal (申诉) against one hit, and the inspector's ruling.</summary>
public sealed record Appeal(string CallId, string Rule, string FiledBy, string Reason, DateTimeOffset FiledAt, string Status, string? Ruling, string? RuledBy)
{
    public const string Open = "open";
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";
}

/// <summary>
/// Appeals in <c>appeals</c>: one per hit; an agent files it on their own call, an inspector rules — upheld overturns
/// the hit, rejected confirms it — through <see cref="HitReviewStore"/>, so the reviewed score follows the ruling.
/// </summary>
public sealed class AppealStore(StoreDataSource dataSource, HitReviewStore reviews, TimeProvider time)
{
    public async Task FileAsync(string callId, string hitsJson, string rule, string agentUser, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("请写明申诉理由 the appeal needs a reason", nameof(reason));
        if (!QueueRules(hitsJson).Contains(rule))
            throw new ArgumentException($"通话 {callId} 没有规则 {rule} 的命中 the call has no hit of rule {rule}", nameof(rule));
        var inserted = await dataSource.ExecuteAsync(
            """
            INSERT INTO appeals (call_id, rule, filed_by, reason, filed_at_ms, status) VALUES (@id, @rule, @user, @reason, @now, 'open')
            ON CONFLICT (call_id, rule) DO NOTHING
            """,
            new SqlParameterList { { "id", callId }, { "rule", rule }, { "user", agentUser }, { "reason", reason.Trim() }, { "now", time.GetUtcNow().ToUnixTimeMilliseconds() } },
            cancellationToken).ConfigureAwait(false);
        if (inserted == 0)
            throw new ArgumentException($"规则 {rule} 已申诉过 this hit was already appealed", nameof(rule));
    }

    public async Task RuleAsync(string callId, string hitsJson, string rule, bool upheld, string ruling, string inspector, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ruling))
            throw new ArgumentException("请写明裁定理由 the ruling needs a reason", nameof(ruling));
        var updated = await dataSource.ExecuteAsync(
            "UPDATE appeals SET status = @status, ruling = @ruling, ruled_by = @user, ruled_at_ms = @now WHERE call_id = @id AND rule = @rule AND status = 'open'",
            new SqlParameterList
            {
                { "status", upheld ? Appeal.Upheld : Appeal.Rejected }, { "ruling", ruling.Trim() }, { "user", inspector },
                { "now", time.GetUtcNow().ToUnixTimeMilliseconds() }, { "id", callId }, { "rule", rule },
            }, cancellationToken).ConfigureAwait(false);
        if (updated == 0)
            throw new ArgumentException($"规则 {rule} 没有待裁定的申诉 no open appeal on this hit", nameof(rule));
        await reviews.ReviewAsync(callId, hitsJson, rule, upheld ? HitReview.Overturned : HitReview.Confirmed, "申诉裁定 appeal ruling: " + ruling.Trim(), inspector, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, Appeal>> ForCallAsync(string callId, CancellationToken cancellationToken) =>
        (await ListAsync("WHERE call_id = @id", new SqlParameterList { { "id", callId } }, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Rule, StringComparer.Ordinal);

    public Task<List<Appeal>> OpenAsync(CancellationToken cancellationToken) =>
        ListAsync("WHERE status = 'open' ORDER BY filed_at_ms", null, cancellationToken);

    private Task<List<Appeal>> ListAsync(string where, SqlParameterList? parameters, CancellationToken cancellationToken) =>
        dataSource.QueryAsync($"SELECT call_id, rule, filed_by, reason, filed_at_ms, status, ruling, ruled_by FROM appeals {where}", parameters,
            r => new Appeal(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(4)), r.GetString(5),
                r.NullableString(6), r.NullableString(7)), cancellationToken);

    private static HashSet<string> QueueRules(string hitsJson) => [.. Components.QueueRules.Of(hitsJson)];
}
