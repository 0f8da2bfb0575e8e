using Microsoft.Extensions.Logging;

namespace SpeechQa.Batch.Logging;

/// <summary>Source-generated log messages of the batch backbone (no string interpolation on hot paths).</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = BatchEventIds.JobFailed, Level = LogLevel.Error, Message = "Job {JobId} ({JobType}, call {CallId}) failed after attempt {Attempt}: {Reason}")]
    public static partial void JobFailed(ILogger logger, long jobId, string jobType, string? callId, int attempt, string reason);

    [LoggerMessage(EventId = BatchEventIds.JobScheduledForRetry, Level = LogLevel.Warning, Message = "Job {JobId} ({JobType}) attempt {Attempt} failed, retry in {Delay}: {Reason}")]
    public static partial void JobScheduledForRetry(ILogger logger, long jobId, string jobType, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = BatchEventIds.JobLeaseLost, Level = LogLevel.Warning, Message = "Job {JobId} is no longer ours (deleted or lease taken over); cancelling it")]
    public static partial void JobLeaseLost(ILogger logger, long jobId);

    [LoggerMessage(EventId = BatchEventIds.JobRequeuedOnShutdown, Level = LogLevel.Information, Message = "Job {JobId} interrupted by shutdown, put back in the queue")]
    public static partial void JobRequeuedOnShutdown(ILogger logger, long jobId);

    [LoggerMessage(EventId = BatchEventIds.DeadWorkerJobsReleased, Level = LogLevel.Warning, Message = "Worker {Server} on this machine is gone; its {Jobs} running jobs are taken over now")]
    public static partial void DeadWorkerJobsReleased(ILogger logger, string server, int jobs);

    [LoggerMessage(EventId = BatchEventIds.JobServerStarted, Level = LogLevel.Information, Message = "Job server {ServerId} started with {WorkerCount} workers on {Store}")]
    public static partial void JobServerStarted(ILogger logger, string serverId, int workerCount, string store);

    [LoggerMessage(EventId = BatchEventIds.JobServerStopped, Level = LogLevel.Information, Message = "Job server {ServerId} stopped")]
    public static partial void JobServerStopped(ILogger logger, string serverId);

    [LoggerMessage(EventId = BatchEventIds.RecurringJobTriggered, Level = LogLevel.Information, Message = "Recurring job {RecurringId} triggered; next run {NextRun}")]
    public static partial void RecurringJobTriggered(ILogger logger, string recurringId, DateTimeOffset nextRun);

    [LoggerMessage(EventId = BatchEventIds.RecurringJobInvalid, Level = LogLevel.Error, Message = "Recurring job {RecurringId} has an invalid cron expression: {Reason}")]
    public static partial void RecurringJobInvalid(ILogger logger, string recurringId, string reason);

    [LoggerMessage(EventId = BatchEventIds.JobLoopError, Level = LogLevel.Error, Message = "The job server's {Loop} loop hit an error; retrying in {Delay}")]
    public static partial void JobLoopError(ILogger logger, Exception exception, string loop, TimeSpan delay);

    [LoggerMessage(EventId = BatchEventIds.MigrationApplied, Level = LogLevel.Information, Message = "Database schema upgraded to version {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = BatchEventIds.ManifestRowRejected, Level = LogLevel.Information, Message = "{Manifest}:{Line}: row rejected: {Reason}")]
    public static partial void ManifestRowRejected(ILogger logger, string manifest, int line, string reason);

    [LoggerMessage(EventId = BatchEventIds.ManifestIngested, Level = LogLevel.Information, Message = "{Manifest}: {Added} new, {Updated} changed, {Unchanged} unchanged, {Rejected} rejected rows")]
    public static partial void ManifestIngested(ILogger logger, string manifest, int added, int updated, int unchanged, int rejected);

    [LoggerMessage(EventId = BatchEventIds.WatchedManifestFailed, Level = LogLevel.Error, Message = "Watched manifest {Manifest} could not be ingested")]
    public static partial void WatchedManifestFailed(ILogger logger, Exception exception, string manifest);
}
