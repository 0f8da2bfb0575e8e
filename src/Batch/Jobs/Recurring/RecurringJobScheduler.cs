using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Logging;
using SpeechQa.Batch.Store;

namespace SpeechQa.Batch.Jobs.Recurring;

/// <summary>
/// Enqueues recurring jobs when due. Several servers may run this at once: advancing next_run_at is
/// compare-and-set, and the enqueued job's idempotency key names the occurrence, so each occurrence
/// is enqueued once. Missed occurrences (all servers down) fire once on return ("relaxed" misfire handling).
/// The earliest due time is cached so an idle server does not query this table on every poll.
/// </summary>
public sealed class RecurringJobScheduler(JobStore jobs, JobServerOptions options, ILogger<RecurringJobScheduler> logger)
{
    private readonly object _cacheLock = new();
    private DateTimeOffset _checkAgainAt = DateTimeOffset.MinValue;

    private StoreDataSource DataSource => jobs.DataSource;

    public async Task AddOrUpdateAsync(string id, string cron, string jobType, string? payload, CancellationToken cancellationToken)
    {
        var schedule = CronSchedule.Parse(cron); // throws FormatException naming the bad field
        var now = jobs.Clock.GetUtcNow();
        var next = schedule.NextAfter(now, options.TimeZone) ?? throw new FormatException($"Cron expression '{cron}' never fires.");
        await DataSource.ExecuteAsync(
            """
            INSERT INTO recurring_jobs (id, cron, job_type, payload, next_run_at, updated_at) VALUES (@id, @cron, @type, @payload, @next, @now)
            ON CONFLICT (id) DO UPDATE SET cron = @cron, job_type = @type, payload = @payload, next_run_at = @next, updated_at = @now
            """,
            new SqlParameterList
            {
                { "id", id }, { "cron", cron }, { "type", jobType }, { "payload", payload },
                { "next", next.ToUnixTimeMilliseconds() }, { "now", now.ToUnixTimeMilliseconds() },
            }, cancellationToken).ConfigureAwait(false);
        lock (_cacheLock)
            _checkAgainAt = DateTimeOffset.MinValue;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) =>
        await DataSource.ExecuteAsync("DELETE FROM recurring_jobs WHERE id = @id", new SqlParameterList { { "id", id } }, cancellationToken).ConfigureAwait(false) == 1;

    public Task<List<RecurringJob>> ListAsync(CancellationToken cancellationToken) =>
        DataSource.QueryAsync("SELECT id, cron, job_type, payload, next_run_at, last_run_at FROM recurring_jobs ORDER BY id", null,
            r => new RecurringJob(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(4)),
                r.ReadNullableLong(5) is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null), cancellationToken);

    /// <summary>Enqueues every due occurrence; cheap (no query) until the cached next due time.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = jobs.Clock.GetUtcNow();
        lock (_cacheLock)
        {
            if (now < _checkAgainAt)
                return 0;
        }

        var enqueued = 0;
        var earliest = DateTimeOffset.MaxValue;
        foreach (var job in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var nextRun = job.NextRunAt;
            if (nextRun <= now)
            {
                CronSchedule schedule;
                try
                {
                    schedule = CronSchedule.Parse(job.Cron);
                }
                catch (FormatException e)
                {
                    BatchLog.RecurringJobInvalid(logger, job.Id, e.Message);
                    continue;
                }
                nextRun = schedule.NextAfter(now, options.TimeZone) ?? DateTimeOffset.MaxValue.AddYears(-1);
                enqueued += await TriggerAsync(job, nextRun, now, cancellationToken).ConfigureAwait(false);
            }
            if (nextRun < earliest)
                earliest = nextRun;
        }

        // One query per check: the next due time is known from the rows just read (another server that fired
        // an occurrence first moved it to the same next time).
        var recheck = now + options.RecurringCheckInterval;
        lock (_cacheLock)
            _checkAgainAt = earliest < recheck ? earliest : recheck;
        return enqueued;
    }

    private async Task<int> TriggerAsync(RecurringJob job, DateTimeOffset next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await DataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var advanced = await transaction.ExecuteAsync(
            "UPDATE recurring_jobs SET next_run_at = @next, last_run_at = @now, updated_at = @now WHERE id = @id AND next_run_at = @old",
            new SqlParameterList
            {
                { "id", job.Id }, { "next", next.ToUnixTimeMilliseconds() }, { "now", now.ToUnixTimeMilliseconds() },
                { "old", job.NextRunAt.ToUnixTimeMilliseconds() },
            }, cancellationToken).ConfigureAwait(false);
        if (advanced == 0)
            return 0; // another server fired this occurrence
        var occurrence = new NewJob(job.JobType, $"recurring:{job.Id}:{job.NextRunAt.ToUnixTimeMilliseconds()}") { Payload = job.Payload };
        await jobs.EnqueueAsync(transaction, [occurrence], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        BatchLog.RecurringJobTriggered(logger, job.Id, next);
        return 1;
    }
}
