using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Logging;
using SpeechQa.Batch.Store;

namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// Ingests a manifest: every row is validated on its own (a bad row is reported with its line and
/// reason, the good rows still ingest); new and changed calls are stored with the status <c>queued</c>. The store is
/// the source of truth: the job engine's reconcile pass enqueues what is queued (at once in `run`, within a minute
/// for a running worker), so a crash mid-manifest leaves nothing without its job.
/// </summary>
public sealed class ManifestIngestor(StoreDataSource dataSource, CallStore calls, TimeProvider clock, ILogger<ManifestIngestor> logger)
{
    /// <summary>Rows per transaction: big enough to amortise commits, small enough to keep SQLite's writer lock short.</summary>
    private const int BatchSize = 200;

    public Task<IngestReport> IngestAsync(string manifestPath, CancellationToken cancellationToken) =>
        IngestAsync(manifestPath, SourceDefaults.None, cancellationToken);

    /// <summary>Ingests one manifest; rows without channels or rule set get the source's (<paramref name="defaults"/>).</summary>
    public async Task<IngestReport> IngestAsync(string manifestPath, SourceDefaults defaults, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(manifestPath);
        if (!File.Exists(fullPath))
            throw new ManifestFormatException($"manifest {manifestPath} does not exist");
        var (rows, problems) = ManifestReader.Read(fullPath);
        var validator = new ManifestRowValidator(new ManifestFolder(fullPath), defaults);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;

        foreach (var batch in rows.Chunk(BatchSize))
        {
            // Files are read and hashed before the write transaction opens, so the writer lock is held only for SQL.
            var validated = new List<ValidatedRow>(batch.Length);
            foreach (var row in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = validator.Validate(row);
                if (result.Call is { } call && !seen.Add(call.CallId))
                    result = ValidatedRow.Rejected(new RowProblem(row.Line, call.CallId, "call_id appears earlier in this manifest"));
                validated.Add(result);
            }

            await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in validated)
            {
                if (row.Call is null)
                {
                    problems.Add(row.Problem!);
                    continue;
                }
                var (outcome, _) = await calls.UpsertAsync(transaction, row.Call, fullPath, row.Transcript, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case IngestOutcome.Added:
                        added++;
                        break;
                    case IngestOutcome.Changed:
                        changed++;
                        break;
                    default:
                        unchanged++;
                        break;
                }
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        foreach (var problem in problems)
            BatchLog.ManifestRowRejected(logger, fullPath, problem.Line, problem.Reason);
        await RememberAsync(fullPath, cancellationToken).ConfigureAwait(false);
        BatchLog.ManifestIngested(logger, fullPath, added, changed, unchanged, problems.Count);
        return new IngestReport(fullPath, added, changed, unchanged, problems);
    }

    /// <summary>
    /// Ingests every manifest (*.csv, *.jsonl) directly in a folder, skipping those unchanged since last time
    /// (with <paramref name="onlyChanged"/>) and those modified after <paramref name="settledBefore"/> (still being written).
    /// </summary>
    public Task<List<IngestReport>> IngestFolderAsync(string folder, bool onlyChanged, DateTimeOffset? settledBefore, CancellationToken cancellationToken) =>
        IngestFolderAsync(folder, onlyChanged, settledBefore, SourceDefaults.None, cancellationToken);

    public async Task<List<IngestReport>> IngestFolderAsync(string folder, bool onlyChanged, DateTimeOffset? settledBefore, SourceDefaults defaults, CancellationToken cancellationToken)
    {
        var reports = new List<IngestReport>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(ManifestReader.IsManifest).Order(StringComparer.Ordinal))
        {
            if (settledBefore is { } limit && File.GetLastWriteTimeUtc(path) > limit.UtcDateTime)
                continue;
            if (onlyChanged && !await HasChangedAsync(path, cancellationToken).ConfigureAwait(false))
                continue;
            reports.Add(await IngestAsync(path, defaults, cancellationToken).ConfigureAwait(false));
        }
        return reports;
    }

    private async Task<bool> HasChangedAsync(string path, CancellationToken cancellationToken)
    {
        var stored = await dataSource.ScalarAsync<string>("SELECT sha256 FROM ingested_manifests WHERE path = @path",
            new SqlParameterList { { "path", Path.GetFullPath(path) } }, cancellationToken).ConfigureAwait(false);
        return stored != await HashAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private async Task RememberAsync(string fullPath, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            INSERT INTO ingested_manifests (path, sha256, ingested_at_ms) VALUES (@path, @hash, @now)
            ON CONFLICT (path) DO UPDATE SET sha256 = @hash, ingested_at_ms = @now
            """,
            new SqlParameterList { { "path", fullPath }, { "hash", await HashAsync(fullPath, cancellationToken).ConfigureAwait(false) }, { "now", clock.GetUtcNow().ToUnixTimeMilliseconds() } },
            cancellationToken).ConfigureAwait(false);

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
