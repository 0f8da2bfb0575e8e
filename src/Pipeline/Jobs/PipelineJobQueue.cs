using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using SpeechQa.Batch.Calls;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Puts the pipeline's jobs into Hangfire. Each stage has its own queue and workers take later stages first, so a
/// call is finished before new ones are started. Within a process a job
/// without a call is enqueued once per key until it finishes — many calls scored in one slot hand over one
/// repeat-chain run, not one each; across processes and crashes duplicates are harmless because every handler is
/// idempotent and a call's stage only ever moves forward (<see cref="SpeechQa.Batch.Store.CallStore.StartStageAsync"/>).
/// </summary>
public sealed class PipelineJobQueue(IBackgroundJobClient client, TimeProvider clock)
{
    /// <summary>Queues in the order workers take them: index, analyze, transcribe, then everything else.</summary>
    public static IReadOnlyList<string> Queues { get; } = ["index", "analyze", "transcribe", DefaultQueue];

    /// <summary>Everything that is not a call's stage: recurring scans, reconcile passes, repeat-chain runs.</summary>
    public const string DefaultQueue = "default";

    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    public static string QueueOf(string jobType) => Queues.Contains(jobType) ? jobType : DefaultQueue;

    /// <summary>Enqueues (or schedules, for <see cref="NewJob.RunAt"/> in the future) unless the same key is already pending here.</summary>
    /// <param name="evenIfPending">The reconcile job's re-enqueue: the queue may have lost what this process thinks is pending.</param>
    public bool Enqueue(NewJob job, bool evenIfPending = false)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Call stages are always enqueued (a duplicate finds its call past the stage and does nothing); jobs without a call
        // (a slot's repeat-chain run) once per key until they finish.
        if (job.CallId is null && !_pending.TryAdd(job.IdempotencyKey, 0) && !evenIfPending)
            return false;
        var queue = QueueOf(job.JobType);
        var (type, callId, payload, key) = (job.JobType, job.CallId, job.Payload, job.IdempotencyKey);
        var hangfireJob = Job.FromExpression<HangfireJobRunner>(runner => runner.RunAsync(type, callId, payload, key, null, CancellationToken.None), queue);
        IState state = job.RunAt is { } at && at > clock.GetUtcNow() ? new ScheduledState(at.UtcDateTime) : new EnqueuedState(queue);
        client.Create(hangfireJob, state);
        return true;
    }

    /// <summary>One job that takes transcript-only calls through their stages (<see cref="HangfireJobRunner.RunBatchAsync"/>).</summary>
    public void EnqueueBatch(IReadOnlyList<QueuedCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
            return;
        var (count, ids, revisions) = (calls.Count, calls.Select(c => c.CallId).ToArray(), calls.Select(c => c.Revision).ToArray());
        var queue = QueueOf(PipelineStage.Transcribe.JobType);
        client.Create(Job.FromExpression<HangfireJobRunner>(runner => runner.RunBatchAsync(count, ids, revisions, CancellationToken.None), queue), new EnqueuedState(queue));
    }

    /// <summary>The job with this key has finished (succeeded or failed for good): a later one may be enqueued.</summary>
    public void Finished(string key) => _pending.TryRemove(key, out _);
}
