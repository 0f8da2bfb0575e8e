namespace SpeechQa.Batch.Jobs;

/// <summary>A job as stored, for listings and the dashboard.</summary>
public sealed record JobRecord(
    long Id,
    string JobType,
    string? CallId,
    JobState State,
    int Attempt,
    int MaxAttempts,
    DateTimeOffset RunAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LastError);
