using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Store;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>The batch backbone wired by hand for a test: one store, a chosen clock, chosen handlers.</summary>
public sealed class Backbone : IDisposable
{
    public Backbone(StoreDataSource dataSource, TimeProvider? clock = null, IEnumerable<IJobHandler>? handlers = null,
        JobServerOptions? options = null, JobTypeCatalog? catalog = null, Random? random = null)
    {
        Clock = clock ?? TimeProvider.System;
        Options = options ?? new JobServerOptions { PollInterval = TimeSpan.FromMilliseconds(50), WorkerCount = 2 };
        Catalog = catalog ?? new JobTypeCatalog();
        Jobs = new JobStore(dataSource, Signal, Catalog, Clock);
        Calls = new CallStore(dataSource, Clock);
        Registry = new JobHandlerRegistry(handlers ?? [], Catalog);
        Executor = new JobExecutor(Jobs, Registry, random ?? new Random(42), NullLogger<JobExecutor>.Instance);
        Recurring = new RecurringJobScheduler(Jobs, Options, NullLogger<RecurringJobScheduler>.Instance);
        Server = new JobServer(Jobs, Registry, Executor, Recurring, Signal, Options, NullLogger<JobServer>.Instance);
        Ingestor = new ManifestIngestor(dataSource, Calls, Jobs, Clock, NullLogger<ManifestIngestor>.Instance);
    }

    public TimeProvider Clock { get; }
    public JobServerOptions Options { get; }
    public JobTypeCatalog Catalog { get; }
    public JobSignal Signal { get; } = new();
    public JobStore Jobs { get; }
    public CallStore Calls { get; }
    public JobHandlerRegistry Registry { get; }
    public JobExecutor Executor { get; }
    public RecurringJobScheduler Recurring { get; }
    public JobServer Server { get; }
    public ManifestIngestor Ingestor { get; }

    /// <summary>Leases and runs at most one due job, as one worker would; null when nothing was due.</summary>
    public async Task<(FetchedJob Job, JobOutcome Outcome)?> RunOneAsync(string leaseToken = "test#1")
    {
        var fetched = await Jobs.FetchAsync(Registry.JobTypes, 1, leaseToken, Options.LeaseDuration, CancellationToken.None);
        if (fetched.Count == 0)
            return null;
        var outcome = await Executor.ExecuteAsync(fetched[0], CancellationToken.None, CancellationToken.None);
        return (fetched[0], outcome);
    }

    public void Dispose() => Signal.Dispose();
}
