using Hangfire;
using SpeechQa.Pipeline;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa worker` on Hangfire: enqueues the store's unfinished calls, registers the recurring jobs (reconcile every
/// minute; recorder-folder scans on their cron in the hotline's time zone) and works until stopped.
/// </summary>
internal static class HangfireWorker
{
    public const string ReconcileJobId = "reconcile";

    public static async Task RunAsync(CliApp app, int workers, string? scanFolder, string scanCron, CancellationToken cancellationToken)
    {
        var engine = app.Get<HangfireJobEngine>();
        await app.Get<PipelineReconciler>().ReconcileAsync(cancellationToken).ConfigureAwait(false);
        engine.Recurring.AddOrUpdate<PipelineReconciler>(ReconcileJobId, "default", reconciler => reconciler.RecurringAsync(CancellationToken.None), Cron.Minutely());
        if (scanFolder is not null)
        {
            var key = "scan:" + scanFolder;
            engine.Recurring.AddOrUpdate<HangfireJobRunner>(key, "default",
                runner => runner.RunAsync(ScanRecorderFolderJob.Type, null, scanFolder, key, null, CancellationToken.None),
                scanCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Local });
        }
        using var server = engine.StartServer(workers);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        server.SendStop();
    }
}
