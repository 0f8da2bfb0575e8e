using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;

// In the DI namespace so that callers need no extra using (as Npgsql does).
namespace Microsoft.Extensions.DependencyInjection;

public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store named by <paramref name="databaseSetting"/> (SQLite file or PostgreSQL connection
    /// string), the job engine and ingestion. Job handlers are added separately as <see cref="IJobHandler"/>.
    /// </summary>
    public static IServiceCollection AddSpeechQaBatch(this IServiceCollection services, string databaseSetting,
        JobServerOptions? serverOptions = null, JobTypeCatalog? catalog = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StoreDataSource.Open(databaseSetting));
        services.AddSingleton(serverOptions ?? new JobServerOptions());
        services.AddSingleton(catalog ?? new JobTypeCatalog());
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<CallStore>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobHandlerRegistry>();
        services.AddSingleton(sp => new JobExecutor(
            sp.GetRequiredService<JobStore>(), sp.GetRequiredService<JobHandlerRegistry>(), Random.Shared, sp.GetRequiredService<ILogger<JobExecutor>>()));
        services.AddSingleton<RecurringJobScheduler>();
        services.AddSingleton<JobServer>();
        services.AddSingleton<ManifestIngestor>();
        return services;
    }
}
