using System.Data.Common;
using SpeechQa.Batch.Store;

namespace SpeechQa.Batch.Jobs;

/// <summary>
/// The durable queue: every state change is one SQL statement that names the states it may start from
/// (compare-and-set), so concurrent workers, a crashed worker's successor and an admin's delete can never
/// both win. Time comes from the injected clock, not the database, so retries and leases are testable.
/// </summary>
public sealed class JobStore(StoreDataSource dataSource, JobSignal signal, JobTypeCatalog catalog, TimeProvider clock)
{
    /// <summary>Kept on failed jobs: enough for the stack trace, bounded so a runaway message can't bloat the table.</summary>
    public const int MaxErrorLength = 8000;

    private const string Columns = "id, job_type, call_id, state, attempt, max_attempts, run_at, created_at, updated_at, last_error";

    public StoreDataSource DataSource => dataSource;

    public JobTypeCatalog Catalog => catalog;

    public TimeProvider Clock => clock;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Enqueues jobs whose idempotency key is new; returns how many were added.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyCollection<NewJob> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
            return 0;
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var added = await EnqueueAsync(transaction, jobs, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>Enqueues inside the caller's transaction (ingestion, job completion). Signal after commit.</summary>
    public async Task<int> EnqueueAsync(StoreTransaction transaction, IEnumerable<NewJob> jobs, CancellationToken cancellationToken)
    {
        var now = Now;
        var added = 0;
        foreach (var job in jobs)
        {
            var runAt = job.RunAt?.ToUnixTimeMilliseconds() ?? now;
            added += await transaction.ExecuteAsync(
                """
                INSERT INTO jobs (job_type, call_id, payload, idempotency_key, priority, state, attempt, max_attempts, run_at, created_at, updated_at)
                VALUES (@type, @call, @payload, @key, @priority, @state, 0, @max, @runAt, @now, @now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """,
                new SqlParameterList
                {
                    { "type", job.JobType }, { "call", job.CallId }, { "payload", job.Payload }, { "key", job.IdempotencyKey },
                    { "priority", job.Priority }, { "state", (runAt > now ? JobState.Scheduled : JobState.Enqueued).ToWire() },
                    { "max", catalog.MaxAttemptsFor(job.JobType) }, { "runAt", runAt }, { "now", now },
                },
                cancellationToken).ConfigureAwait(false);
        }
        signal.Notify();
        return added;
    }

    /// <summary>
    /// Leases up to <paramref name="count"/> ready jobs of the given types: enqueued or scheduled jobs that
    /// are due, and processing jobs whose worker stopped renewing its lease (crashed or hung).
    /// </summary>
    public async Task<IReadOnlyList<FetchedJob>> FetchAsync(IReadOnlyCollection<string> jobTypes, int count, string leaseToken, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        var parameters = new SqlParameterList { { "now", now }, { "token", leaseToken }, { "until", now + (long)lease.TotalMilliseconds }, { "count", count } };
        var typeList = InList("t", jobTypes, parameters);
        var lockClause = dataSource.Engine == StoreEngine.PostgreSql ? "FOR UPDATE SKIP LOCKED" : "";
        // The inner SELECT picks candidates; on PostgreSQL SKIP LOCKED lets other workers take the next ones
        // instead of waiting, on SQLite the single writer lock makes the statement atomic.
        var sql = $"""
            UPDATE jobs SET state = 'processing', lease_owner = @token, lease_expires_at = @until,
                   attempt = attempt + 1, updated_at = @now
            WHERE id IN (
                SELECT id FROM jobs
                WHERE job_type IN ({typeList})
                  AND ((state IN ('enqueued', 'scheduled') AND run_at <= @now)
                       OR (state = 'processing' AND lease_expires_at < @now))
                ORDER BY priority DESC, run_at, id
                LIMIT @count {lockClause})
            RETURNING id, job_type, call_id, payload, attempt, max_attempts
            """;
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var jobs = await transaction.QueryAsync(sql, parameters, r => new FetchedJob(
            r.ReadLong(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.ReadInt(4), r.ReadInt(5), leaseToken), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return jobs;
    }

    /// <summary>Renews the leases of running jobs; returns the ids still ours (the others were deleted or taken over).</summary>
    public async Task<HashSet<long>> RenewLeasesAsync(IReadOnlyCollection<FetchedJob> running, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (running.Count == 0)
            return [];
        var now = Now;
        var parameters = new SqlParameterList { { "until", now + (long)lease.TotalMilliseconds }, { "now", now } };
        var ids = InList("i", running.Select(j => (object)j.Id), parameters);
        var tokens = InList("k", running.Select(j => (object)j.LeaseToken).Distinct(), parameters);
        var renewed = await WriteQueryAsync(
            $"""
            UPDATE jobs SET lease_expires_at = @until, updated_at = @now
            WHERE state = 'processing' AND id IN ({ids}) AND lease_owner IN ({tokens})
            RETURNING id, lease_owner
            """, parameters, r => (Id: r.ReadLong(0), Token: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var byId = running.ToDictionary(j => j.Id, j => j.LeaseToken);
        return renewed.Where(r => byId.TryGetValue(r.Id, out var token) && token == r.Token).Select(r => r.Id).ToHashSet();
    }

    /// <summary>Lease owners of the jobs now processing (to spot workers on this machine that died).</summary>
    public Task<List<string>> ListLeaseOwnersAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT DISTINCT lease_owner FROM jobs WHERE state = 'processing' AND lease_owner IS NOT NULL", null,
            r => r.GetString(0), cancellationToken);

    /// <summary>Expires the leases of one owner at once, so its jobs are taken over without waiting out the lease.</summary>
    public async Task<int> ExpireLeasesAsync(string leaseOwner, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            "UPDATE jobs SET lease_expires_at = 0 WHERE state = 'processing' AND lease_owner = @owner",
            new SqlParameterList { { "owner", leaseOwner } }, cancellationToken).ConfigureAwait(false);

    /// <summary>Marks the job succeeded, writes its results and enqueues its continuations atomically; false if the lease was lost.</summary>
    public async Task<bool> CompleteAsync(FetchedJob job, IReadOnlyList<NewJob> continuations, CancellationToken cancellationToken,
        IReadOnlyList<Func<StoreTransaction, CancellationToken, Task>>? resultWrites = null)
    {
        var now = Now;
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await transaction.ExecuteAsync(
            """
            UPDATE jobs SET state = 'succeeded', finished_at = @now, updated_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'processing' AND lease_owner = @token
            """,
            new SqlParameterList { { "id", job.Id }, { "token", job.LeaseToken }, { "now", now } }, cancellationToken).ConfigureAwait(false);
        if (changed == 0)
            return false; // rolled back by dispose: someone else owns the job now
        foreach (var write in resultWrites ?? [])
            await write(transaction, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(transaction, continuations, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        signal.Notify();
        return true;
    }

    /// <summary>Schedules the next attempt; false if the lease was lost.</summary>
    public async Task<bool> ScheduleRetryAsync(FetchedJob job, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            UPDATE jobs SET state = 'scheduled', run_at = @runAt, last_error = @error, updated_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'processing' AND lease_owner = @token
            """,
            new SqlParameterList
            {
                { "id", job.Id }, { "token", job.LeaseToken }, { "now", Now },
                { "runAt", Now + (long)delay.TotalMilliseconds }, { "error", Truncate(error) },
            }, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Fails the job for good, keeping the exception text; false if the lease was lost.</summary>
    public async Task<bool> FailAsync(FetchedJob job, string error, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            UPDATE jobs SET state = 'failed', last_error = @error, finished_at = @now, updated_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'processing' AND lease_owner = @token
            """,
            new SqlParameterList { { "id", job.Id }, { "token", job.LeaseToken }, { "now", Now }, { "error", Truncate(error) } },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Puts a job interrupted by shutdown back in the queue without counting the attempt.</summary>
    public async Task<bool> ReleaseAsync(FetchedJob job, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            UPDATE jobs SET state = 'enqueued', attempt = attempt - 1, updated_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'processing' AND lease_owner = @token
            """,
            new SqlParameterList { { "id", job.Id }, { "token", job.LeaseToken }, { "now", Now } }, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Deletes a job that has not succeeded; a running one is cancelled at its next lease renewal.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var changed = await dataSource.ExecuteAsync(
            """
            UPDATE jobs SET state = 'deleted', updated_at = @now, finished_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND state IN ('enqueued', 'scheduled', 'processing', 'failed')
            """,
            new SqlParameterList { { "id", id }, { "now", Now } }, cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Requeues a failed, deleted or scheduled job to run now with a fresh set of attempts.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var changed = await dataSource.ExecuteAsync(
            """
            UPDATE jobs SET state = 'enqueued', attempt = 0, run_at = @now, updated_at = @now, finished_at = NULL
            WHERE id = @id AND state IN ('failed', 'deleted', 'scheduled')
            """,
            new SqlParameterList { { "id", id }, { "now", Now } }, cancellationToken).ConfigureAwait(false);
        if (changed == 1)
            signal.Notify();
        return changed == 1;
    }

    /// <summary>Deletes the pending jobs of a call (its audio changed: the old work is obsolete).</summary>
    public async Task<int> DeletePendingForCallAsync(StoreTransaction transaction, string callId, CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            """
            UPDATE jobs SET state = 'deleted', updated_at = @now, finished_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE call_id = @call AND state IN ('enqueued', 'scheduled', 'processing', 'failed')
            """,
            new SqlParameterList { { "call", callId }, { "now", Now } }, cancellationToken).ConfigureAwait(false);

    public Task<JobCounts> CountAsync(CancellationToken cancellationToken) => CountAsync(null, cancellationToken);

    /// <summary>Jobs per state, only of <paramref name="jobTypes"/> when given (what one process can run).</summary>
    public async Task<JobCounts> CountAsync(IReadOnlyCollection<string>? jobTypes, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameterList();
        var filter = jobTypes is null ? "" : $"WHERE job_type IN ({InList("t", jobTypes, parameters)})";
        var rows = await dataSource.QueryAsync($"SELECT state, COUNT(*) FROM jobs {filter} GROUP BY state", parameters,
            r => (State: JobStateNames.Parse(r.GetString(0)), Count: r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return new JobCounts(rows.ToDictionary(r => r.State, r => r.Count));
    }

    public async Task<JobRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync($"SELECT {Columns} FROM jobs WHERE id = @id", new SqlParameterList { { "id", id } }, ReadRecord, cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public Task<List<JobRecord>> ListAsync(JobState? state, string? callId, int limit, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameterList { { "limit", limit } };
        var where = new List<string>();
        if (state is { } s)
        {
            where.Add("state = @state");
            parameters.Add("state", s.ToWire());
        }
        if (callId is not null)
        {
            where.Add("call_id = @call");
            parameters.Add("call", callId);
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return dataSource.QueryAsync($"SELECT {Columns} FROM jobs {filter} ORDER BY id DESC LIMIT @limit", parameters, ReadRecord, cancellationToken);
    }

    private static JobRecord ReadRecord(DbDataReader r) => new(
        r.ReadLong(0), r.GetString(1), r.NullableString(2), JobStateNames.Parse(r.GetString(3)), r.ReadInt(4), r.ReadInt(5),
        FromMs(r.ReadLong(6)), FromMs(r.ReadLong(7)), FromMs(r.ReadLong(8)), r.NullableString(9));

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private async Task<List<T>> WriteQueryAsync<T>(string sql, SqlParameterList parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var rows = await transaction.QueryAsync(sql, parameters, map, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static string InList(string prefix, IEnumerable<object> values, SqlParameterList parameters)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"{prefix}{names.Count}";
            parameters.Add(name, value);
            names.Add("@" + name);
        }
        return names.Count == 0 ? "NULL" : string.Join(", ", names);
    }

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
