namespace SpeechQa.Batch.Jobs;

/// <summary>How many jobs are in each state.</summary>
public sealed record JobCounts(IReadOnlyDictionary<JobState, long> ByState)
{
    public long this[JobState state] => ByState.TryGetValue(state, out var n) ? n : 0;

    /// <summary>Jobs that still have work ahead of them.</summary>
    public long Pending => this[JobState.Enqueued] + this[JobState.Scheduled] + this[JobState.Processing];
}
