namespace SpeechQa.Batch.Jobs;

/// <summary>What one execution of a job led to.</summary>
public enum JobOutcome
{
    Succeeded,
    ScheduledForRetry,
    Failed,

    /// <summary>Shutdown interrupted it; it is back in the queue with its attempt not counted.</summary>
    Released,

    /// <summary>The job was deleted or taken over while running; nothing was written.</summary>
    LeaseLost,
}
