using System.Security.Cryptography;
using System.Text;
using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Assignments;

/// <summary>
/// A sampling plan (抽检计划): scored calls of a period not yet assigned; every fatal call, every call at or below
/// <see cref="ScoreAtMost"/>, and <see cref="Percent"/> of the rest drawn at random (reproducibly: by a hash of the
/// call id and <see cref="Seed"/>), shared out among <see cref="Inspectors"/>.
/// </summary>
public sealed record SamplingPlan(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Inspectors, double Percent, int ScoreAtMost = 80, string Seed = "")
{
    public void Validate()
    {
        if (Inspectors.Count == 0)
            throw new ArgumentException("请至少选择一名质检员 choose at least one inspector", nameof(Inspectors));
        if (!(Percent is >= 0 and <= 100))
            throw new ArgumentException("抽检比例须在 0–100 之间 the sample percentage must be 0–100", nameof(Percent));
        if (To <= From)
            throw new ArgumentException("结束日期须晚于开始日期 the period must end after it starts", nameof(To));
    }
}

/// <summary>What a sampling run assigned: per inspector, and why (fatal / low score / random).</summary>
public sealed record SamplingOutcome(int Considered, IReadOnlyDictionary<string, int> PerInspector, int Fatal, int LowScore, int Random)
{
    public int Assigned => PerInspector.Values.Sum();
}

/// <summary>One inspector's workload: assigned calls, and how many of them have a review.</summary>
public sealed record InspectorLoad(string Inspector, int Assigned, int Reviewed);

/// <summary>
/// Which inspector reviews which call (<c>call_assignments</c>): sampling plans and one-by-one (re)assignment.
/// A call is assigned at most once; a later plan leaves assigned calls alone, so running a plan twice assigns nothing new.
/// </summary>
public sealed class CallAssignmentStore(StoreDataSource dataSource, TimeProvider time)
{
    public const string ReasonFatal = "fatal";
    public const string ReasonLowScore = "low-score";
    public const string ReasonRandom = "random";
    public const string ReasonManual = "manual";

    public async Task<SamplingOutcome> SampleAsync(SamplingPlan plan, string assignedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var candidates = await transaction.QueryAsync(
            """
            SELECT c.call_id, j.fatal, j.score FROM calls c JOIN call_judgements j ON j.call_id = c.call_id
            WHERE c.status = 'scored' AND c.started_at_ms >= @from AND c.started_at_ms < @to
              AND NOT EXISTS (SELECT 1 FROM call_assignments a WHERE a.call_id = c.call_id)
            ORDER BY c.call_id
            """, new SqlParameterList { { "from", plan.From.ToUnixTimeMilliseconds() }, { "to", plan.To.ToUnixTimeMilliseconds() } },
            r => (CallId: r.GetString(0), Fatal: r.ReadLong(1) != 0, Score: r.ReadInt(2)), cancellationToken).ConfigureAwait(false);
        // Start each inspector from their open load, so a new plan evens out the work rather than adding equally.
        var load = (await LoadsAsync(transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.Inspector, l => l.Assigned - l.Reviewed, StringComparer.Ordinal);
        var given = plan.Inspectors.Distinct(StringComparer.Ordinal).ToDictionary(i => i, _ => 0, StringComparer.Ordinal);
        int fatal = 0, low = 0, random = 0;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var call in candidates)
        {
            var reason = call.Fatal ? ReasonFatal : call.Score <= plan.ScoreAtMost ? ReasonLowScore : Drawn(call.CallId, plan.Seed) < plan.Percent / 100 ? ReasonRandom : null;
            if (reason is null)
                continue;
            var inspector = given.Keys.OrderBy(i => load.GetValueOrDefault(i) + given[i]).ThenBy(i => i, StringComparer.Ordinal).First();
            given[inspector]++;
            fatal += reason == ReasonFatal ? 1 : 0;
            low += reason == ReasonLowScore ? 1 : 0;
            random += reason == ReasonRandom ? 1 : 0;
            await transaction.ExecuteAsync("INSERT INTO call_assignments (call_id, inspector, assigned_by, assigned_at_ms, reason) VALUES (@call, @inspector, @by, @now, @reason)",
                new SqlParameterList { { "call", call.CallId }, { "inspector", inspector }, { "by", assignedBy }, { "now", now }, { "reason", reason } }, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SamplingOutcome(candidates.Count, given, fatal, low, random);
    }

    /// <summary>Assigns (or reassigns) one call to an inspector.</summary>
    public async Task AssignAsync(string callId, string inspector, string assignedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM call_assignments WHERE call_id = @call", new SqlParameterList { { "call", callId } }, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("INSERT INTO call_assignments (call_id, inspector, assigned_by, assigned_at_ms, reason) VALUES (@call, @inspector, @by, @now, @reason)",
            new SqlParameterList { { "call", callId }, { "inspector", inspector }, { "by", assignedBy }, { "now", time.GetUtcNow().ToUnixTimeMilliseconds() }, { "reason", ReasonManual } },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<List<InspectorLoad>> LoadsAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync(LoadsSql, null, ReadLoad, cancellationToken);

    /// <summary>How many calls assigned to the inspector have no review yet: the count in the inspector's header.</summary>
    public Task<long> OpenCountAsync(string inspector, CancellationToken cancellationToken) =>
        dataSource.ScalarAsync<long>(
            "SELECT COUNT(*) FROM call_assignments a WHERE a.inspector = @inspector AND NOT EXISTS (SELECT 1 FROM hit_reviews h WHERE h.call_id = a.call_id)",
            new SqlParameterList { { "inspector", inspector } }, cancellationToken);

    private static Task<List<InspectorLoad>> LoadsAsync(StoreTransaction transaction, CancellationToken cancellationToken) =>
        transaction.QueryAsync(LoadsSql, null, ReadLoad, cancellationToken);

    private const string LoadsSql = """
        SELECT a.inspector, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM hit_reviews h WHERE h.call_id = a.call_id) THEN 1 ELSE 0 END)
        FROM call_assignments a GROUP BY a.inspector ORDER BY a.inspector
        """;

    private static InspectorLoad ReadLoad(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.ReadInt(1), r.ReadInt(2));

    /// <summary>A number in [0, 1) fixed by the call id and the seed: the same plan draws the same calls.</summary>
    private static double Drawn(string callId, string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + callId));
        return BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
    }
}
