namespace SpeechQa.Batch.Jobs;

/// <summary>
/// A job to enqueue. <see cref="IdempotencyKey"/> is unique in the store: enqueuing the same key twice
/// is a no-op, which is how "one job per call per stage" and crash-safe continuations are enforced.
/// </summary>
public sealed record NewJob(string JobType, string IdempotencyKey)
{
    public string? CallId { get; init; }
    public string? Payload { get; init; }

    /// <summary>Higher runs first; later pipeline stages get higher priority so calls finish depth-first.</summary>
    public int Priority { get; init; }

    /// <summary>Not before this time (null: now).</summary>
    public DateTimeOffset? RunAt { get; init; }
}
