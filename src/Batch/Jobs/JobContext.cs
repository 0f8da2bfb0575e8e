namespace SpeechQa.Batch.Jobs;

/// <summary>What a handler sees of its job, and where it asks for follow-up jobs.</summary>
public sealed class JobContext(FetchedJob job, DateTimeOffset startedAt)
{
    private readonly List<NewJob> _continuations = [];

    public FetchedJob Job { get; } = job;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Jobs enqueued in the same transaction that marks this job succeeded (so a crash can't lose them).</summary>
    public IReadOnlyList<NewJob> Continuations => _continuations;

    public void ContinueWith(NewJob next) => _continuations.Add(next);
}
