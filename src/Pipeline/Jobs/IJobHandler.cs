namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Performs one type of job. Delivery is at least once (a crashed worker's job runs again), so a handler
/// must be idempotent: write results with upserts keyed by the call and its revision.
/// </summary>
public interface IJobHandler
{
    string JobType { get; }

    Task ExecuteAsync(JobContext context, CancellationToken cancellationToken);

    /// <summary>Called once the job has failed for good (permanent error or retries used up).</summary>
    Task OnFailedAsync(RunningJob job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
