using Hangfire;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Recorder-folder scans as Hangfire recurring jobs (<c>scan:&lt;folder&gt;</c>), on their cron in the hotline's time
/// zone (<see cref="PipelineOptions.TimeZone"/>). The recording sources table is the source of truth: a worker
/// registers every source's scan when it starts and again on each reconcile pass, so in-memory storage, which starts
/// empty, and a source saved by another process are both covered.
/// </summary>
public sealed class RecurringScans(HangfireJobEngine engine, PipelineOptions options)
{
    public static string IdOf(string folder) => "scan:" + folder;

    public void Schedule(string folder, string cron)
    {
        ScanSchedule.Validate(cron);
        var id = IdOf(folder);
        engine.Recurring.AddOrUpdate<HangfireJobRunner>(id, PipelineJobQueue.DefaultQueue,
            runner => runner.RunAsync(ScanRecorderFolderJob.Type, null, folder, id, null, CancellationToken.None),
            cron.Trim(), new RecurringJobOptions { TimeZone = options.TimeZone });
    }

    public void Remove(string folder) => engine.Recurring.RemoveIfExists(IdOf(folder));
}
