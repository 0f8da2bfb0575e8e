using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Hangfire for this store: PostgreSQL storage (schema <c>hangfire</c>) beside a PostgreSQL store, so several worker
/// machines share one queue; in-memory storage beside the embedded SQLite store, where the store itself is the
/// durable part and the reconcile job refills the queue after a restart (docs/jobs.md: why not
/// Hangfire.Storage.SQLite). Client, server and recurring-job manager get this storage and filter provider
/// explicitly — nothing goes through Hangfire's static <c>JobStorage.Current</c>.
/// </summary>
public sealed class HangfireJobEngine : IDisposable
{
    /// <summary>The schema of Hangfire's tables in a PostgreSQL store.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// PostgreSQL timeouts. Invisibility slides — a running job's row is kept invisible by its worker's heartbeat however
    /// long the job takes (a long call's transcription) — so the timeout is only how long a killed worker's job waits
    /// before another worker takes it: 30 s instead of Hangfire's 30 min. Distributed locks left by a killed process
    /// block the others until they expire: 30 s instead of 10 min. The reconcile job covers whatever is lost anyway.
    /// </summary>
    public static PostgreSqlStorageOptions PostgresOptions() => new()
    {
        SchemaName = PostgresSchema,
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(30),
        DistributedLockTimeout = TimeSpan.FromSeconds(30),
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    private readonly IServiceProvider _services;

    public HangfireJobEngine(StoreDataSource store, JobRetryFilterProvider filters, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Hangfire logs through one process-wide provider: this process's logging (see HangfireLogBridge).
        GlobalConfiguration.Configuration.UseLogProvider(new HangfireLogBridge(loggerFactory));
        _services = services;
        Filters = filters;
        Storage = store.Engine == StoreEngine.PostgreSql
            ? new PostgreSqlStorage(new StoreConnections(store), PostgresOptions())
            : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) });
        Client = new BackgroundJobClient(Storage, filters);
        Recurring = new RecurringJobManager(Storage, filters);
    }

    public JobStorage Storage { get; }

    /// <summary>
    /// False for the in-memory queue of the embedded store: a process that starts finds none of the jobs a killed one
    /// held, so every unfinished call is an orphan (with PostgreSQL, Hangfire hands a dead server's jobs back itself).
    /// </summary>
    public bool QueueOutlivesProcess => Storage is not InMemoryStorage;
    public JobRetryFilterProvider Filters { get; }
    public IBackgroundJobClient Client { get; }
    public IRecurringJobManager Recurring { get; }

    public BackgroundJobServer StartServer(int workerCount) => new(new BackgroundJobServerOptions
    {
        WorkerCount = Math.Max(1, workerCount),
        Queues = [.. PipelineJobQueue.Queues],
        FilterProvider = Filters,
        Activator = new ServiceProviderActivator(_services),
        SchedulePollingInterval = TimeSpan.FromSeconds(1),
        ServerName = $"speechqa-{Environment.MachineName}-{Environment.ProcessId}",
    }, Storage);

    /// <summary>Nothing enqueued, scheduled (retries, repeat runs) or being processed.</summary>
    public bool IsIdle()
    {
        var monitoring = Storage.GetMonitoringApi();
        return monitoring.ProcessingCount() == 0 && monitoring.ScheduledCount() == 0
            && PipelineJobQueue.Queues.All(queue => monitoring.EnqueuedCount(queue) == 0);
    }

    public void Dispose() => (Storage as IDisposable)?.Dispose();

    /// <summary>Hangfire.PostgreSql's connections, from the store's own data source (same settings and credentials).</summary>
    private sealed class StoreConnections(StoreDataSource store) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() =>
            store.CreatePostgresConnection() ?? throw new InvalidOperationException("The store is not PostgreSQL.");
    }

    private sealed class ServiceProviderActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }
}
