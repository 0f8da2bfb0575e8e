namespace SpeechQa.Batch.Jobs;

/// <summary>Where a job is in its life (Hangfire's states, minus Awaiting: our continuations are enqueued on success).</summary>
public enum JobState
{
    Enqueued,
    Scheduled,
    Processing,
    Succeeded,
    Failed,
    Deleted,
}

public static class JobStateNames
{
    public static string ToWire(this JobState state) => state switch
    {
        JobState.Enqueued => "enqueued",
        JobState.Scheduled => "scheduled",
        JobState.Processing => "processing",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static bool TryParse(string value, out JobState state)
    {
        foreach (var candidate in Enum.GetValues<JobState>())
        {
            if (candidate.ToWire() == value)
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }

    public static JobState Parse(string value) =>
        TryParse(value, out var state) ? state : throw new FormatException($"Unknown job state '{value}'.");
}
