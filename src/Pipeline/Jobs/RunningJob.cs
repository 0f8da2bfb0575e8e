namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// The job a handler runs: Hangfire's job id (or, inside an import batch, the stage's key), its type, call and
/// payload, and which attempt this is of how many the type allows.
/// </summary>
public sealed record RunningJob(
    string JobId,
    string JobType,
    string? CallId,
    string? Payload,
    int Attempt,
    int MaxAttempts);
