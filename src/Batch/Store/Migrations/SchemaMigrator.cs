using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Logging;

namespace SpeechQa.Batch.Store.Migrations;

/// <summary>
/// Brings a database to the latest schema in place. Safe when several processes start at once:
/// PostgreSQL serialises migrators with an advisory lock, SQLite with its single writer lock.
/// </summary>
public sealed class SchemaMigrator(StoreDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    /// <summary>Arbitrary, fixed key for pg_advisory_xact_lock (the letters "SQAM").</summary>
    private const long AdvisoryLockKey = 0x5351_414D;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken, int? targetVersion = null)
    {
        var target = targetVersion ?? SchemaMigrations.LatestVersion;
        if (dataSource.Engine == StoreEngine.Sqlite)
        {
            // WAL lets readers (portal, status) run while a worker writes; the setting is stored in the file.
            await dataSource.ScalarAsync<string>("PRAGMA journal_mode=WAL;", null, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        if (dataSource.Engine == StoreEngine.PostgreSql)
            await transaction.ScalarAsync<object>($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", null, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)",
            null, cancellationToken).ConfigureAwait(false);
        var current = await transaction.ScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations", null, cancellationToken).ConfigureAwait(false) ?? 0;
        if (current > SchemaMigrations.LatestVersion)
        {
            throw new StoreSettingException(
                $"The database is at schema version {current}, newer than this program knows ({SchemaMigrations.LatestVersion}): upgrade speechqa.");
        }

        foreach (var migration in SchemaMigrations.All.Where(m => m.Version > current && m.Version <= target))
        {
            await transaction.ExecuteAsync(migration.SqlFor(dataSource.Engine), null, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@v, @n, @t)",
                new SqlParameterList { { "v", migration.Version }, { "n", migration.Name }, { "t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() } },
                cancellationToken).ConfigureAwait(false);
            BatchLog.MigrationApplied(logger, migration.Version, migration.Name);
            current = migration.Version;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }
}
