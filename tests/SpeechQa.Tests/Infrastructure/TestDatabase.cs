using Npgsql;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new database on the
/// PostgreSQL server that scripts/test.sh starts (SPEECHQA_TEST_PG). Without that server the
/// PostgreSQL tests fail with a message saying how to get one; they are never skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SPEECHQA_TEST_PG";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(string setting, StoreDataSource dataSource, string? sqliteFolder, string? postgresName)
    {
        Setting = setting;
        DataSource = dataSource;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
    }

    /// <summary>The --db setting for this database (for child processes).</summary>
    public string Setting { get; }

    public StoreDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync(StoreEngine engine, int? schemaVersion = null)
    {
        TestDatabase database;
        if (engine == StoreEngine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("speechqa-test-").FullName;
            var path = Path.Combine(folder, "speechqa.db");
            database = new TestDatabase(path, StoreDataSource.Open(path), folder, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrEmpty(server))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: the PostgreSQL tests need a real server. Run them with scripts/test.sh, which starts one.");
            }
            var name = "t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            var setting = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            database = new TestDatabase(setting, StoreDataSource.Open(setting), null, name);
        }
        await new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None, schemaVersion);
        return database;
    }

    public static IEnumerable<object[]> Engines => [[StoreEngine.Sqlite], [StoreEngine.PostgreSql]];

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            try { Directory.Delete(_sqliteFolder, recursive: true); }
            catch (IOException) { /* a killed child process may still hold the file for a moment */ }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
