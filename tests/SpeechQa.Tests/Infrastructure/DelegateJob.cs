using SpeechQa.Batch.Jobs;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>A job handler whose behaviour the test supplies.</summary>
public sealed class DelegateJob(string type, Func<JobContext, CancellationToken, Task> body) : IJobHandler
{
    public List<(long JobId, string Error)> Failures { get; } = [];

    public string JobType => type;

    public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken) => body(context, cancellationToken);

    public Task OnFailedAsync(FetchedJob job, string error, CancellationToken cancellationToken)
    {
        lock (Failures)
            Failures.Add((job.Id, error));
        return Task.CompletedTask;
    }
}
