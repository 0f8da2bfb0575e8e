using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SpeechQa.Batch.Store;

/// <summary>
/// The application's database: opens connections for either engine and runs commands through one
/// place so that every database round trip can be counted (the idle-load benchmark reads <see cref="CommandCount"/>).
/// Built once per process and shared (it owns the connection pool).
/// </summary>
public sealed class StoreDataSource : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;

    /// <summary>SQLite allows one writer; inside one process we queue writers here instead of spinning on SQLITE_BUSY.</summary>
    private readonly SemaphoreSlim _sqliteWriteGate = new(1, 1);

    private long _commandCount;

    private StoreDataSource(StoreEngine engine, string description, NpgsqlDataSource? postgres, string? sqlite)
    {
        Engine = engine;
        Description = description;
        _postgres = postgres;
        _sqliteConnectionString = sqlite;
    }

    public StoreEngine Engine { get; }

    /// <summary>Where the data lives, without credentials (for logs and `speechqa status`).</summary>
    public string Description { get; }

    /// <summary>A new connection to the PostgreSQL store (for Hangfire's storage beside it); null for SQLite.</summary>
    public Npgsql.NpgsqlConnection? CreatePostgresConnection() => _postgres?.CreateConnection();

    /// <summary>Commands sent to the database since start.</summary>
    public long CommandCount => Interlocked.Read(ref _commandCount);

    /// <summary>
    /// Opens the store named by a --db setting: a PostgreSQL connection string (<c>Host=…</c> or a
    /// <c>postgresql://</c> URI) selects PostgreSQL, anything else is a SQLite file path.
    /// </summary>
    public static StoreDataSource Open(string setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            throw new StoreSettingException("The database setting is empty: give --db <file.db | PostgreSQL connection string>.");
        if (IsPostgres(setting))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(ToKeyValue(setting));
                var description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
                return new StoreDataSource(StoreEngine.PostgreSql, description, NpgsqlDataSource.Create(builder), null);
            }
            catch (ArgumentException e)
            {
                throw new StoreSettingException($"The PostgreSQL connection string is invalid: {e.Message}", e);
            }
        }

        var path = Path.GetFullPath(setting);
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException e)
        {
            throw new StoreSettingException($"Cannot create the folder for the SQLite database '{path}': {e.Message}", e);
        }
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 60, // seconds Microsoft.Data.Sqlite keeps retrying a busy database (other processes)
        }.ToString();
        return new StoreDataSource(StoreEngine.Sqlite, $"SQLite {path}", null, sqlite);
    }

    private static bool IsPostgres(string setting) =>
        setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || setting.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Npgsql takes key=value strings; URIs are converted here.</summary>
    private static string ToKeyValue(string setting)
    {
        if (!setting.Contains("://", StringComparison.Ordinal))
            return setting;
        var uri = new Uri(setting);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        return builder.ToString();
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Starts a write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c> behind the process's write gate,
    /// so that two writers never deadlock on a read-to-write lock upgrade.
    /// </summary>
    public async Task<StoreTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var gated = false;
        if (Engine == StoreEngine.Sqlite)
        {
            await _sqliteWriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            gated = true;
        }
        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new StoreTransaction(this, connection, transaction, gated ? _sqliteWriteGate : null);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
            if (gated)
                _sqliteWriteGate.Release();
            throw;
        }
    }

    internal DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, SqlParameterList? parameters)
    {
        Interlocked.Increment(ref _commandCount);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (parameters is not null)
        {
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, SqlParameterList? parameters, CancellationToken cancellationToken)
    {
        if (Engine == StoreEngine.Sqlite)
        {
            // Autocommit writes on SQLite still go through the gate (single writer per process).
            await using var transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var rows = await transaction.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a read-only query; <paramref name="map"/> is called once per row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, SqlParameterList? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, sql, parameters);
        return await StoreReader.ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T?> ScalarAsync<T>(string sql, SqlParameterList? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return StoreReader.ConvertScalar<T>(value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync().ConfigureAwait(false);
        if (_sqliteConnectionString is not null)
            SqliteConnection.ClearPool(new SqliteConnection(_sqliteConnectionString));
        _sqliteWriteGate.Dispose();
    }
}
