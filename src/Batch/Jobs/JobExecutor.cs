using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Logging;

namespace SpeechQa.Batch.Jobs;

/// <summary>
/// Runs one leased job to its next durable state. The outcome is written only through compare-and-set
/// on the lease, so a job whose lease was lost (deleted, or taken over after a stall) changes nothing.
/// </summary>
public sealed class JobExecutor(JobStore store, JobHandlerRegistry handlers, Random random, ILogger<JobExecutor> logger)
{
    /// <param name="abortToken">Shutdown abort: the job is put back in the queue, never marked failed.</param>
    /// <param name="leaseLostToken">Fires when the lease renewal finds the job is no longer ours.</param>
    public async Task<JobOutcome> ExecuteAsync(FetchedJob job, CancellationToken abortToken, CancellationToken leaseLostToken)
    {
        if (!handlers.TryGet(job.JobType, out var handler))
            return await FailAsync(job, null, $"No handler for job type '{job.JobType}' in this process.").ConfigureAwait(false);

        if (job.Attempt > job.MaxAttempts)
        {
            // Only reachable by lease takeover: the job's workers kept dying mid-job (e.g. out of memory on this call).
            return await FailAsync(job, handler,
                $"Attempt {job.Attempt} exceeds the limit of {job.MaxAttempts}: the job's worker stopped while running it every time.").ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abortToken, leaseLostToken);
        var context = new JobContext(job, store.Clock.GetUtcNow());
        try
        {
            await handler.ExecuteAsync(context, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
        {
            // Checkpoint: interrupted by shutdown, not by the job's own fault — back to the queue.
            await store.ReleaseAsync(job, CancellationToken.None).ConfigureAwait(false);
            BatchLog.JobRequeuedOnShutdown(logger, job.Id);
            return JobOutcome.Released;
        }
        catch (OperationCanceledException) when (leaseLostToken.IsCancellationRequested)
        {
            BatchLog.JobLeaseLost(logger, job.Id);
            return JobOutcome.LeaseLost;
        }
        catch (Exception e) when (e is PermanentJobException || job.Attempt >= job.MaxAttempts)
        {
            return await FailAsync(job, handler, Describe(e)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var delay = RetryPolicy.DelayAfter(job.Attempt, handlers.Catalog.For(job.JobType), random);
            if (!await store.ScheduleRetryAsync(job, delay, Describe(e), CancellationToken.None).ConfigureAwait(false))
                return JobOutcome.LeaseLost;
            BatchLog.JobScheduledForRetry(logger, job.Id, job.JobType, job.Attempt, delay, e.Message);
            return JobOutcome.ScheduledForRetry;
        }

        // Checkpoint: acknowledge, write the results handed over in WriteOnSuccess and enqueue the next stage in one
        // transaction. A crash before it commits makes the job run again; writes the handler made itself must be idempotent.
        return await store.CompleteAsync(job, context.Continuations, CancellationToken.None, context.ResultWrites).ConfigureAwait(false)
            ? JobOutcome.Succeeded
            : JobOutcome.LeaseLost;
    }

    private async Task<JobOutcome> FailAsync(FetchedJob job, IJobHandler? handler, string error)
    {
        if (!await store.FailAsync(job, error, CancellationToken.None).ConfigureAwait(false))
            return JobOutcome.LeaseLost;
        var reason = FailureReason.Of(error);
        BatchLog.JobFailed(logger, job.Id, job.JobType, job.CallId, job.Attempt, reason);
        if (handler is not null)
            await handler.OnFailedAsync(job, reason, CancellationToken.None).ConfigureAwait(false);
        return JobOutcome.Failed;
    }

    /// <summary>Permanent errors are user-facing: their message alone. Others keep type and stack for the admin.</summary>
    private static string Describe(Exception e) => e is PermanentJobException ? e.Message + Environment.NewLine + e : e.ToString();
}
