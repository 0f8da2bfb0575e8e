namespace SpeechQa.Batch.Logging;

/// <summary>Stable log event ids of the batch backbone: jobs 4000s, store and ingestion 5000s.</summary>
internal static class BatchEventIds
{
    public const int JobFailed = 4000;
    public const int JobScheduledForRetry = 4001;
    public const int JobLeaseLost = 4002;
    public const int JobRequeuedOnShutdown = 4003;
    public const int DeadWorkerJobsReleased = 4005;
    public const int JobServerStarted = 4010;
    public const int JobServerStopped = 4011;
    public const int RecurringJobTriggered = 4020;
    public const int RecurringJobInvalid = 4021;
    public const int JobLoopError = 4030;

    public const int MigrationApplied = 5000;
    public const int ManifestRowRejected = 5010;
    public const int ManifestIngested = 5011;
    public const int WatchedManifestFailed = 5012;
}
