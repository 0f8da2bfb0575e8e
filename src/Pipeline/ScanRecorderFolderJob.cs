using SpeechQa.Batch.Ingestion;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Pipeline;

/// <summary>
/// Recurring job: ingests the manifests in a recorder's export folder that are new or changed since the
/// last scan (the payload is the folder), with the recording source's channel layout and rule set for rows without them. Files modified in the last few seconds are left for the next
/// scan, since the recorder may still be writing them.
/// </summary>
public sealed class ScanRecorderFolderJob(ManifestIngestor ingestor, RecordingSourceStore sources, TimeProvider clock) : IJobHandler
{
    public const string Type = "scan-recorder-folder";

    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public string JobType => Type;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var folder = context.Job.Payload ?? throw new PermanentJobException("The recorder-folder scan job has no folder in its payload.");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Recorder folder '{folder}' does not exist (yet): will retry."); // transient: a share may be unmounted
        // A folder set up in the portal's sources page brings its channel layout and rule set; one from `worker --watch` has none.
        var defaults = (await sources.GetAsync(folder, cancellationToken).ConfigureAwait(false))?.Defaults ?? SourceDefaults.None;
        await ingestor.IngestFolderAsync(folder, onlyChanged: true, clock.GetUtcNow() - SettleTime, defaults, cancellationToken).ConfigureAwait(false);
    }
}
