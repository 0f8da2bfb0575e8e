using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;

namespace SpeechQa.Bench;

/// <summary>
/// Job-engine throughput and idle load on one store: enqueue (one transaction per job, and batched),
/// dequeue-and-complete with 4 workers on no-op jobs, and database commands per minute while idle.
/// </summary>
public sealed class JobEngineBench(string label, string databaseSetting)
{
    public sealed record Result(string Store, double EnqueueSingle, double EnqueueBatched, double Dequeue, double IdleQueriesPerMinute);

    private sealed class NoOpJob : IJobHandler
    {
        public string JobType => "noop";

        public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async Task<Result> RunAsync(int jobs, TimeSpan idleWindow)
    {
        await using var store = StoreDataSource.Open(databaseSetting);
        await new SchemaMigrator(store, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        using var signal = new JobSignal();
        var catalog = new JobTypeCatalog();
        var jobStore = new JobStore(store, signal, catalog, TimeProvider.System);
        var run = Guid.NewGuid().ToString("N")[..8];

        var single = Stopwatch.StartNew();
        for (var i = 0; i < jobs / 5; i++)
            await jobStore.EnqueueAsync([new NewJob("noop", $"{run}-s{i}")], CancellationToken.None);
        var enqueueSingle = jobs / 5 / single.Elapsed.TotalSeconds;

        var batched = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, jobs).Chunk(500))
            await jobStore.EnqueueAsync(chunk.Select(i => new NewJob("noop", $"{run}-b{i}")).ToList(), CancellationToken.None);
        var enqueueBatched = jobs / batched.Elapsed.TotalSeconds;

        var total = jobs + jobs / 5;
        var options = new JobServerOptions { WorkerCount = 4 };
        var drain = Stopwatch.StartNew();
        await Server(jobStore, catalog, signal, options).RunAsync(CancellationToken.None, untilDrained: true);
        var dequeue = total / drain.Elapsed.TotalSeconds;

        // Idle: a default-configured server with nothing to do; count every command it sends.
        using var stop = new CancellationTokenSource(idleWindow);
        var before = store.CommandCount;
        await Server(jobStore, catalog, signal, options).RunAsync(stop.Token);
        var idlePerMinute = (store.CommandCount - before) / idleWindow.TotalMinutes;

        return new Result(label, enqueueSingle, enqueueBatched, dequeue, idlePerMinute);
    }

    private static JobServer Server(JobStore jobs, JobTypeCatalog catalog, JobSignal signal, JobServerOptions options)
    {
        var registry = new JobHandlerRegistry([new NoOpJob()], catalog);
        return new JobServer(jobs, registry, new JobExecutor(jobs, registry, Random.Shared, NullLogger<JobExecutor>.Instance),
            new RecurringJobScheduler(jobs, options, NullLogger<RecurringJobScheduler>.Instance), signal, options, NullLogger<JobServer>.Instance);
    }
}
