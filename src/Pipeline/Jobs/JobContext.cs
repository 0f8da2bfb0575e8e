using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>What a handler sees of its job, and where it hands over what must commit together with the job's success.</summary>
public sealed class JobContext(RunningJob job, DateTimeOffset startedAt)
{
    private readonly List<NewJob> _continuations = [];
    private readonly List<Func<StoreTransaction, CancellationToken, Task>> _resultWrites = [];

    public RunningJob Job { get; } = job;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>
    /// Jobs enqueued after the results are written (the next stage, a repeat-chain run). A crash in between loses them;
    /// the call stays at its stage in the store and the reconcile pass enqueues it again.
    /// </summary>
    public IReadOnlyList<NewJob> Continuations => _continuations;

    internal IReadOnlyList<Func<StoreTransaction, CancellationToken, Task>> ResultWrites => _resultWrites;

    public void ContinueWith(NewJob next) => _continuations.Add(next);

    /// <summary>
    /// Writes the job's result in one store transaction after the handler returns: all of it lands, or none (the process
    /// died first and the job runs again). Writes are upserts keyed by call and revision, so a second run writes the same rows.
    /// </summary>
    public void WriteOnSuccess(Func<StoreTransaction, CancellationToken, Task> write) => _resultWrites.Add(write);
}
