using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Store;

public sealed class SchemaMigratorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_UpgradesAnOldDatabaseInPlace_KeepingItsCalls(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, schemaVersion: 1);
        await db.DataSource.ExecuteAsync(
            """
            INSERT INTO calls (call_id, started_at, started_at_ms, direction, caller, agent_id, manifest_path, revision, status, ingested_at_ms, updated_at_ms)
            VALUES ('OLD-1', '2023-11-01T09:12:03+08:00', 0, 'inbound', '13800138000', 'A017', '/m.csv', 1, 'queued', 0, 0)
            """, null, CancellationToken.None);

        var migrator = new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance);
        var version = await migrator.MigrateAsync(CancellationToken.None);
        var again = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.Equal(version, again);
        Assert.Equal(0, await db.DataSource.ScalarAsync<long>("SELECT COUNT(*) FROM recording_sources", null, CancellationToken.None)); // created by a later version
        await Assert.ThrowsAnyAsync<Exception>(() => db.DataSource.ScalarAsync<long>("SELECT COUNT(*) FROM jobs", null, CancellationToken.None)); // dropped by version 12
        var calls = new CallStore(db.DataSource, TimeProvider.System);
        Assert.Equal("A017", (await calls.GetAsync("OLD-1", CancellationToken.None))!.Call.AgentId);
        Assert.Equal(SchemaMigrations.All.Count, await db.DataSource.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations", null, CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_RefusesADatabaseFromANewerProgram()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await db.DataSource.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (999, 'future', 0)", null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<StoreSettingException>(() => new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None));

        Assert.Contains("version 999", error.Message);
    }

    [Fact]
    public async Task Open_UsesWalMode_ForTheSqliteFile()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        Assert.Equal("wal", await db.DataSource.ScalarAsync<string>("PRAGMA journal_mode", null, CancellationToken.None));
    }

    [Theory]
    [InlineData("Host=db.example;Database=qa;Username=qa", StoreEngine.PostgreSql)]
    [InlineData("postgresql://qa:secret@db.example:5433/qa", StoreEngine.PostgreSql)]
    [InlineData("data/speechqa.db", StoreEngine.Sqlite)]
    public async Task Open_ChoosesTheEngineFromTheSetting_WithoutLeakingPasswords(string setting, StoreEngine expected)
    {
        await using var store = StoreDataSource.Open(setting);
        Assert.Equal(expected, store.Engine);
        Assert.DoesNotContain("secret", store.Description);
    }
}
