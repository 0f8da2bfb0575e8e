using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// The one method Hangfire runs for every pipeline job: it finds the job type's handler, runs it, writes the
/// results it handed over in one store transaction, then enqueues the next stage. The call store stays the source
/// of truth — a crash after the write and before the enqueue leaves the call at its stage, and the reconcile job
/// enqueues it again; a job run twice writes the same rows (upserts keyed by call and revision).
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
        var job = new FetchedJob(0, jobType, callId, payload, retries + 1, maxAttempts, perform?.BackgroundJob.Id ?? key);
        var context = new JobContext(job, clock.GetUtcNow());
        try
        {
            await handler.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
            if (context.ResultWrites.Count > 0)
            {
                await using var transaction = await store.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
                foreach (var write in context.ResultWrites)
                    await write(transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
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
}
