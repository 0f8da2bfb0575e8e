using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;

// In the DI namespace so that callers need no extra using (as Npgsql does).
namespace Microsoft.Extensions.DependencyInjection;

public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store named by <paramref name="databaseSetting"/> (SQLite file or PostgreSQL connection
    /// string), its migrations and ingestion. The job engine (Hangfire) and the stages come with the pipeline.
    /// </summary>
    public static IServiceCollection AddSpeechQaBatch(this IServiceCollection services, string databaseSetting)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StoreDataSource.Open(databaseSetting));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<CallStore>();
        services.AddSingleton<ManifestIngestor>();
        return services;
    }
}
