using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// The methods Hangfire runs for pipeline jobs. <see cref="RunAsync"/> runs one job: it finds the job type's handler,
/// runs it, writes the results it handed over in one store transaction, then enqueues the next stage. The call store
/// stays the source of truth — a crash after the write and before the enqueue leaves the call at its stage, and the
/// reconcile job enqueues it again; a job run twice writes the same rows (upserts keyed by call and revision).
/// Retries are Hangfire's (<see cref="JobRetryFilterProvider"/>); a permanent failure, or the last attempt, records
/// the reason on the call before Hangfire marks the job failed.
/// </summary>
public sealed class HangfireJobRunner(JobHandlerRegistry handlers, StoreDataSource store, PipelineJobQueue queue, TimeProvider clock, ILogger<HangfireJobRunner> logger)
{
    [JobDisplayName("{0} {1}")]
    public async Task RunAsync(string jobType, string? callId, string? payload, string key, PerformContext? perform, CancellationToken cancellationToken)
    {
        if (!handlers.TryGet(jobType, out var handler))
            throw new PermanentJobException($"No handler for job type '{jobType}' in this process.");
        var retries = perform?.GetJobParameter<int>("RetryCount") ?? 0;
        var maxAttempts = handlers.Catalog.MaxAttemptsFor(jobType);
        var job = new RunningJob(perform?.BackgroundJob.Id ?? key, jobType, callId, payload, retries + 1, maxAttempts);
        JobContext context;
        try
        {
            context = await ExecuteAsync(handler, job, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && (e is PermanentJobException || job.Attempt >= maxAttempts))
        {
            queue.Finished(key);
            var reason = FailureReason.Of(e.Message);
            if (logger.IsEnabled(LogLevel.Warning))
                logger.LogWarning("Job {JobType} {CallId} failed for good after attempt {Attempt}: {Reason}", jobType, callId, job.Attempt, reason);
            await handler.OnFailedAsync(job, reason, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        queue.Finished(key);
        foreach (var next in context.Continuations)
            queue.Enqueue(next);
    }

    /// <summary>
    /// A batch of transcript-only calls (a large import): each call goes through its stages here, one after the other,
    /// instead of one Hangfire job per call and stage — Hangfire has no batched enqueue, and its round trip per job
    /// would throttle 100 000 imported calls. A call that fails at a stage gets that stage as a job of its own, with
    /// the type's retries and its failure recorded as usual; the others go on. Running a batch again (a crash, a retry)
    /// does nothing for calls already past their stage.
    /// </summary>
    [JobDisplayName("import batch of {0}")]
    public async Task RunBatchAsync(int count, string[] callIds, int[] revisions, CancellationToken cancellationToken)
    {
        if (callIds.Length != count || revisions.Length != count)
            throw new PermanentJobException($"Import batch of {count} calls has {callIds.Length} ids and {revisions.Length} revisions.");
        for (var i = 0; i < count; i++)
        {
            NewJob? next = PipelineStage.Transcribe.JobFor(callIds[i], revisions[i]);
            while (next is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var stage = next;
                next = null;
                if (!handlers.TryGet(stage.JobType, out var handler))
                {
                    queue.Enqueue(stage); // a stage another process runs (workers with different handler sets)
                    break;
                }
                JobContext context;
                try
                {
                    context = await ExecuteAsync(handler, new RunningJob(stage.IdempotencyKey, stage.JobType, stage.CallId, stage.Payload, 1, handlers.Catalog.MaxAttemptsFor(stage.JobType)), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (logger.IsEnabled(LogLevel.Information))
                        logger.LogInformation("Import batch: {Stage} of call {CallId} failed ({Reason}); it gets a job of its own", stage.JobType, stage.CallId, FailureReason.Of(e.Message));
                    queue.Enqueue(stage);
                    break;
                }
                foreach (var continuation in context.Continuations)
                {
                    if (continuation.CallId == stage.CallId && next is null)
                        next = continuation;
                    else
                        queue.Enqueue(continuation);
                }
            }
        }
    }

    private async Task<JobContext> ExecuteAsync(IJobHandler handler, RunningJob job, CancellationToken cancellationToken)
    {
        var context = new JobContext(job, clock.GetUtcNow());
        await handler.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.ResultWrites.Count > 0)
        {
            await using var transaction = await store.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var write in context.ResultWrites)
                await write(transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return context;
    }
}
