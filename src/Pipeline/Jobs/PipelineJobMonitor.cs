using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>Hangfire's job states as the portal and `speechqa jobs` list them.</summary>
public enum JobListState
{
    Enqueued,
    Scheduled,
    Processing,
    Succeeded,
    Failed,
    Deleted,
}

/// <summary>How many jobs are in each state (Hangfire's statistics).</summary>
public sealed record JobStateCounts(long Enqueued, long Scheduled, long Processing, long Succeeded, long Failed, long Deleted, long Servers)
{
    /// <summary>Work not yet done: enqueued, waiting for its time (retries, repeat-chain runs) or running.</summary>
    public long Pending => Enqueued + Scheduled + Processing;

    public long this[JobListState state] => state switch
    {
        JobListState.Enqueued => Enqueued,
        JobListState.Scheduled => Scheduled,
        JobListState.Processing => Processing,
        JobListState.Succeeded => Succeeded,
        JobListState.Failed => Failed,
        _ => Deleted,
    };
}

/// <summary>One job: Hangfire's id, the pipeline's job type and call, when it entered its state, and what went wrong for a failed one.</summary>
public sealed record JobListing(string Id, JobListState State, string JobType, string? CallId, DateTimeOffset? At, int Attempt, string? Detail);

/// <summary>A recurring job (reconcile, a recorder-folder scan) with its schedule and runs.</summary>
public sealed record RecurringListing(string Id, string Cron, string? TimeZone, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastState, string? Error);

/// <summary>A running Hangfire server (one per worker process) and its workers.</summary>
public sealed record WorkerServer(string Name, int Workers, DateTimeOffset StartedAt, DateTimeOffset? Heartbeat);

/// <summary>
/// Reads Hangfire's monitoring API for the portal's job page, `speechqa status` and `speechqa jobs`, and retries or
/// deletes jobs through its client. Jobs are named by what they do for the pipeline (type and call), not by the
/// method Hangfire invokes. On in-memory storage this sees the jobs of this process only.
/// </summary>
public sealed class PipelineJobMonitor(HangfireJobEngine engine)
{
    public const string ImportBatchType = "import-batch";

    public JobStateCounts Counts()
    {
        var s = engine.Storage.GetMonitoringApi().GetStatistics();
        return new JobStateCounts(s.Enqueued, s.Scheduled, s.Processing, s.Succeeded, s.Failed, s.Deleted, s.Servers);
    }

    /// <summary>Up to <paramref name="limit"/> jobs in <paramref name="state"/>, newest first where Hangfire keeps an order.</summary>
    public IReadOnlyList<JobListing> List(JobListState state, int limit)
    {
        var api = engine.Storage.GetMonitoringApi();
        using var connection = engine.Storage.GetConnection();
        limit = Math.Max(1, limit);
        IEnumerable<JobListing> rows = state switch
        {
            JobListState.Enqueued => PipelineJobQueue.Queues.SelectMany(queue => api.EnqueuedJobs(queue, 0, limit)
                .Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.EnqueuedAt, null))),
            JobListState.Scheduled => api.ScheduledJobs(0, limit).Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.EnqueueAt, null)),
            JobListState.Processing => api.ProcessingJobs(0, limit).Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.StartedAt, j.Value.ServerId)),
            JobListState.Succeeded => api.SucceededJobs(0, limit).Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.SucceededAt, null)),
            JobListState.Failed => api.FailedJobs(0, limit).Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.FailedAt, FailureReason.Of(j.Value.ExceptionMessage ?? ""))),
            _ => api.DeletedJobs(0, limit).Select(j => ListingOf(connection, j.Key, state, j.Value.Job, j.Value.DeletedAt, null)),
        };
        return [.. rows.Take(limit)];
    }

    public IReadOnlyList<RecurringListing> Recurring()
    {
        using var connection = engine.Storage.GetConnection();
        return [.. connection.GetRecurringJobs().OrderBy(r => r.Id, StringComparer.Ordinal).Select(r =>
            new RecurringListing(r.Id, r.Cron, r.TimeZoneId, At(r.NextExecution), At(r.LastExecution), r.LastJobState, r.Error))];
    }

    public IReadOnlyList<WorkerServer> Servers() =>
        [.. engine.Storage.GetMonitoringApi().Servers().Select(s => new WorkerServer(s.Name, s.WorkersCount, At(s.StartedAt)!.Value, At(s.Heartbeat)))];

    /// <summary>Runs a failed, deleted, scheduled or succeeded job again now; false when Hangfire has no such job.</summary>
    public bool Retry(string id) => engine.Client.Requeue(id);

    /// <summary>Deletes a job that has not finished (a running one is told to stop); false when Hangfire has no such job.</summary>
    public bool Delete(string id) => engine.Client.Delete(id);

    /// <summary>A listed job with its attempt (Hangfire's RetryCount parameter, read on the listing's one connection).</summary>
    private static JobListing ListingOf(IStorageConnection connection, string id, JobListState state, Job? job, DateTime? at, string? detail)
    {
        var (type, callId) = Describe(job);
        if (job?.Method.Name == nameof(HangfireJobRunner.RunBatchAsync) && job.Args.Count > 0)
            detail ??= $"{job.Args[0]} calls";
        var attempt = int.TryParse(connection.GetJobParameter(id, "RetryCount"), out var retries) ? retries + 1 : 1;
        return new JobListing(id, state, type, callId, At(at), attempt, detail);
    }

    /// <summary>The pipeline's name for a Hangfire job: the runner's first two arguments, or what the method is for.</summary>
    public static (string JobType, string? CallId) Describe(Job? job) => job switch
    {
        null => ("(unreadable)", null),
        { Method.Name: nameof(HangfireJobRunner.RunAsync) } when job.Args.Count > 1 => (job.Args[0] as string ?? "?", job.Args[1] as string),
        { Method.Name: nameof(HangfireJobRunner.RunBatchAsync) } => (ImportBatchType, null),
        { Type.Name: nameof(PipelineReconciler) } => (HangfireWorkerHost.ReconcileJobId, null),
        _ => (job.Method.Name, null),
    };

    private static DateTimeOffset? At(DateTime? utc) => utc is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
