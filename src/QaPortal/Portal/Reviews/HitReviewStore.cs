using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Reviews;

/// <summary>An inspector's decision on one hit.</summary>
public sealed record HitReview(string Rule, string Decision, string? Comment, string Reviewer, DateTimeOffset At)
{
    public const string Confirmed = "confirmed";
    public const string Overturned = "overturned";

    public bool Stands => Decision != Overturned;
}

/// <summary>
/// Inspectors confirm or overturn hits (<c>hit_reviews</c>); the reviewed score (<c>call_reviews</c>) is recomputed from
/// the hits that stand — each hit carries its capped points, so 100 minus the standing non-fatal points, 0 if a fatal
/// hit stands — and kept beside the automatic score (their gap is the system's error).
/// </summary>
public sealed class HitReviewStore(StoreDataSource dataSource, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, HitReview>> GetAsync(string callId, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT rule, decision, comment, reviewer, reviewed_at_ms FROM hit_reviews WHERE call_id = @id",
            new SqlParameterList { { "id", callId } },
            r => new HitReview(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(4))),
            cancellationToken).ConfigureAwait(false)).ToDictionary(h => h.Rule, StringComparer.Ordinal);

    public async Task<(int Score, bool Fatal)?> GetReviewedScoreAsync(string callId, CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync("SELECT reviewed_score, reviewed_fatal FROM call_reviews WHERE call_id = @id",
            new SqlParameterList { { "id", callId } }, r => (r.ReadInt(0), r.ReadLong(1) != 0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Records a decision and returns the recomputed score; the hit must be one of the call's.</summary>
    public async Task<(int Score, bool Fatal)> ReviewAsync(string callId, string hitsJson, string rule, string decision, string? comment, string reviewer,
        CancellationToken cancellationToken)
    {
        if (decision is not (HitReview.Confirmed or HitReview.Overturned))
            throw new ArgumentException($"decision must be {HitReview.Confirmed} or {HitReview.Overturned}", nameof(decision));
        var hits = ParseHits(hitsJson);
        if (!hits.Any(h => h.Rule == rule))
            throw new ArgumentException($"通话 {callId} 没有规则 {rule} 的命中 the call has no hit of rule {rule}", nameof(rule));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync(
            """
            INSERT INTO hit_reviews (call_id, rule, decision, comment, reviewer, reviewed_at_ms) VALUES (@id, @rule, @decision, @comment, @reviewer, @now)
            ON CONFLICT (call_id, rule) DO UPDATE SET decision = @decision, comment = @comment, reviewer = @reviewer, reviewed_at_ms = @now
            """,
            new SqlParameterList { { "id", callId }, { "rule", rule }, { "decision", decision }, { "comment", comment }, { "reviewer", reviewer }, { "now", now } },
            cancellationToken).ConfigureAwait(false);
        var overturned = (await transaction.QueryAsync("SELECT rule FROM hit_reviews WHERE call_id = @id AND decision = @overturned",
            new SqlParameterList { { "id", callId }, { "overturned", HitReview.Overturned } }, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var standing = hits.Where(h => !overturned.Contains(h.Rule)).ToList();
        var fatal = standing.Any(h => h.Fatal);
        var score = fatal ? 0 : Math.Max(0, 100 - standing.Sum(h => h.Points));
        await transaction.ExecuteAsync(
            """
            INSERT INTO call_reviews (call_id, reviewed_score, reviewed_fatal, reviewer, reviewed_at_ms) VALUES (@id, @score, @fatal, @reviewer, @now)
            ON CONFLICT (call_id) DO UPDATE SET reviewed_score = @score, reviewed_fatal = @fatal, reviewer = @reviewer, reviewed_at_ms = @now
            """,
            new SqlParameterList { { "id", callId }, { "score", score }, { "fatal", fatal ? 1 : 0 }, { "reviewer", reviewer }, { "now", now } },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (score, fatal);
    }

    private static List<(string Rule, bool Fatal, int Points)> ParseHits(string hitsJson) =>
        [.. SpeechQa.Scoring.Judging.HitsJson.Read(hitsJson).Select(h => (h.Rule, h.Fatal, h.Points))];
}
