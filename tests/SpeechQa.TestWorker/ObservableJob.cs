using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;

namespace SpeechQa.TestWorker;

/// <summary>
/// Records when it starts (so a test can kill the process mid-job), waits, then writes its result
/// idempotently (test_effects, keyed by job) and hands over its completion record (test_executions, one row per
/// completion, not idempotent) to be written with the job's success, which must therefore happen exactly once.
/// </summary>
public sealed class ObservableJob(StoreDataSource store, TimeSpan duration, string worker) : IJobHandler
{
    public const string Type = "observable";

    public string JobType => Type;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        await store.ExecuteAsync("INSERT INTO test_starts (job_id, worker) VALUES (@id, @w)",
            new SqlParameterList { { "id", context.Job.Id }, { "w", worker } }, cancellationToken);
        await Task.Delay(duration, cancellationToken);
        await store.ExecuteAsync("INSERT INTO test_effects (job_id) VALUES (@id) ON CONFLICT (job_id) DO NOTHING",
            new SqlParameterList { { "id", context.Job.Id } }, cancellationToken);
        context.WriteOnSuccess((transaction, ct) => transaction.ExecuteAsync("INSERT INTO test_executions (job_id, worker) VALUES (@id, @w)",
            new SqlParameterList { { "id", context.Job.Id }, { "w", worker } }, ct));
    }
}
