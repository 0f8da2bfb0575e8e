namespace SpeechQa.Batch.Jobs;

/// <summary>
/// A job this server holds a lease on. <see cref="LeaseToken"/> is unique per fetch: every state change
/// is compare-and-set on (id, token), so a worker that lost its lease can change nothing.
/// </summary>
public sealed record FetchedJob(
    long Id,
    string JobType,
    string? CallId,
    string? Payload,
    int Attempt,
    int MaxAttempts,
    string LeaseToken);
