namespace SpeechQa.Batch.Jobs;

/// <summary>How a job server runs. Defaults are named constants; <see cref="Validate"/> rejects nonsense at start.</summary>
public sealed record JobServerOptions
{
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultRecurringCheckInterval = TimeSpan.FromMinutes(5);

    /// <summary>Jobs run at once by this process (default: one per core).</summary>
    public int WorkerCount { get; init; } = Environment.ProcessorCount;

    /// <summary>A job whose lease is not renewed for this long is taken over by another worker (its worker is presumed dead).</summary>
    public TimeSpan LeaseDuration { get; init; } = DefaultLeaseDuration;

    /// <summary>Leases are renewed this often (default a third of the lease, so two missed renewals are survivable).</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>How often an idle server asks the database for work that another process enqueued.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>On stop, running jobs get this long to finish before they are aborted and put back in the queue.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = DefaultShutdownTimeout;

    /// <summary>Upper bound on how long a recurring-job change made by another process goes unseen.</summary>
    public TimeSpan RecurringCheckInterval { get; init; } = DefaultRecurringCheckInterval;

    /// <summary>Names this server in leases and logs; unique per process by default.</summary>
    public string ServerId { get; init; } = DeadWorkerDetector.DefaultServerId();

    /// <summary>Cron expressions of recurring jobs are read in this zone (the hotline's local time).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    public TimeSpan EffectiveHeartbeatInterval => HeartbeatInterval ?? LeaseDuration / 3;

    public void Validate()
    {
        if (WorkerCount < 1)
            throw new InvalidOperationException("WorkerCount must be at least 1.");
        if (LeaseDuration < TimeSpan.FromMilliseconds(100))
            throw new InvalidOperationException("LeaseDuration must be at least 100 ms.");
        if (EffectiveHeartbeatInterval <= TimeSpan.Zero || EffectiveHeartbeatInterval >= LeaseDuration)
            throw new InvalidOperationException("HeartbeatInterval must be positive and shorter than LeaseDuration.");
        if (PollInterval <= TimeSpan.Zero)
            throw new InvalidOperationException("PollInterval must be positive.");
        if (ShutdownTimeout < TimeSpan.Zero)
            throw new InvalidOperationException("ShutdownTimeout must not be negative.");
        if (string.IsNullOrWhiteSpace(ServerId))
            throw new InvalidOperationException("ServerId must not be empty.");
    }
}
