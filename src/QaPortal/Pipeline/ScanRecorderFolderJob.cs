using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Jobs;

namespace SpeechQa.QaPortal.Pipeline;

/// <summary>
/// Recurring job: ingests the manifests in a recorder's export folder that are new or changed since the
/// last scan (the payload is the folder). Files modified in the last few seconds are left for the next
/// scan, since the recorder may still be writing them.
/// </summary>
public sealed class ScanRecorderFolderJob(ManifestIngestor ingestor, TimeProvider clock) : IJobHandler
{
    public const string Type = "scan-recorder-folder";

    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public string JobType => Type;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var folder = context.Job.Payload ?? throw new PermanentJobException("The recorder-folder scan job has no folder in its payload.");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Recorder folder '{folder}' does not exist (yet): will retry."); // transient: a share may be unmounted
        await ingestor.IngestFolderAsync(folder, onlyChanged: true, clock.GetUtcNow() - SettleTime, cancellationToken).ConfigureAwait(false);
    }
}
