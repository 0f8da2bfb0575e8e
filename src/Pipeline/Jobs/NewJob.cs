namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// A job to enqueue. <see cref="IdempotencyKey"/> names the work (a call's stage and revision, a slot's repeat-chain
/// run): the same work enqueued twice does the work once, because handlers find it done (call stages only move forward)
/// and <see cref="PipelineJobQueue"/> keeps one job without a call per key pending.
/// </summary>
public sealed record NewJob(string JobType, string IdempotencyKey)
{
    public string? CallId { get; init; }
    public string? Payload { get; init; }

    /// <summary>Not before this time (null: now).</summary>
    public DateTimeOffset? RunAt { get; init; }
}
