using SpeechQa.Batch.Store;

namespace SpeechQa.Batch.Jobs;

/// <summary>What a handler sees of its job, and where it hands over what must commit together with the job's success.</summary>
public sealed class JobContext(FetchedJob job, DateTimeOffset startedAt)
{
    private readonly List<NewJob> _continuations = [];
    private readonly List<Func<StoreTransaction, CancellationToken, Task>> _resultWrites = [];

    public FetchedJob Job { get; } = job;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Jobs enqueued in the same transaction that marks this job succeeded (so a crash can't lose them).</summary>
    public IReadOnlyList<NewJob> Continuations => _continuations;

    internal IReadOnlyList<Func<StoreTransaction, CancellationToken, Task>> ResultWrites => _resultWrites;

    public void ContinueWith(NewJob next) => _continuations.Add(next);

    /// <summary>
    /// Writes the job's result in the transaction that marks it succeeded: the result lands exactly once,
    /// or not at all if the job lost its lease or the process died first (then the job runs again).
    /// </summary>
    public void WriteOnSuccess(Func<StoreTransaction, CancellationToken, Task> write) => _resultWrites.Add(write);
}
