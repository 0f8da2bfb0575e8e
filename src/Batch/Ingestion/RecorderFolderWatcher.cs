namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// Watches a recorder's export folder: a file-system event triggers a scan after a short settle delay
/// (recorders write manifests in several steps), and a periodic rescan catches events the OS dropped
/// (network shares often deliver none). Only new or changed manifests are ingested.
/// </summary>
public sealed class RecorderFolderWatcher(ManifestIngestor ingestor, Action<IngestReport> onReport)
{
    public static readonly TimeSpan DefaultSettleDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DefaultRescanInterval = TimeSpan.FromMinutes(1);

    public TimeSpan SettleDelay { get; init; } = DefaultSettleDelay;

    public TimeSpan RescanInterval { get; init; } = DefaultRescanInterval;

    public async Task WatchAsync(string folder, CancellationToken cancellationToken)
    {
        using var changed = new SemaphoreSlim(0, 1);
        void Signal(object? sender, FileSystemEventArgs e)
        {
            if (ManifestReader.IsManifest(e.FullPath) && changed.CurrentCount == 0)
            {
                try { changed.Release(); }
                catch (SemaphoreFullException) { /* one pending scan is enough */ }
            }
        }

        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Renamed += (sender, e) => Signal(sender, e);
        watcher.EnableRaisingEvents = true;

        var wait = RescanInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await changed.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
                    await Task.Delay(SettleDelay, cancellationToken).ConfigureAwait(false);
                var settledBefore = DateTimeOffset.UtcNow - SettleDelay;
                foreach (var report in await ingestor.IngestFolderAsync(folder, onlyChanged: true, settledBefore, cancellationToken).ConfigureAwait(false))
                    onReport(report);
                // A manifest still being written was left out: look again as soon as it can have settled.
                var unsettled = Directory.EnumerateFiles(folder).Any(f => ManifestReader.IsManifest(f) && File.GetLastWriteTimeUtc(f) > settledBefore.UtcDateTime);
                wait = unsettled ? SettleDelay : RescanInterval;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ManifestFormatException e)
            {
                // One unusable manifest must not stop the watch; it is reported and retried when it changes.
                onReport(new IngestReport(folder, 0, 0, 0, [new RowProblem(0, null, e.Message)]));
            }
        }
    }
}
