using System.Data.Common;

namespace SpeechQa.Batch.Store;

/// <summary>A write transaction on the store; disposing without commit rolls back.</summary>
public sealed class StoreTransaction : IAsyncDisposable
{
    private readonly StoreDataSource _dataSource;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private SemaphoreSlim? _writeGate;

    internal StoreTransaction(StoreDataSource dataSource, DbConnection connection, DbTransaction transaction, SemaphoreSlim? writeGate)
    {
        _dataSource = dataSource;
        _connection = connection;
        _transaction = transaction;
        _writeGate = writeGate;
    }

    public StoreEngine Engine => _dataSource.Engine;

    public async Task<int> ExecuteAsync(string sql, SqlParameterList? parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_connection, _transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, SqlParameterList? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_connection, _transaction, sql, parameters);
        return await StoreReader.ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T?> ScalarAsync<T>(string sql, SqlParameterList? parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_connection, _transaction, sql, parameters);
        return StoreReader.ConvertScalar<T>(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        Interlocked.Exchange(ref _writeGate, null)?.Release();
    }
}
