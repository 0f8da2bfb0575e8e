using Hangfire;
using SpeechQa.Pipeline;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// A long-running Hangfire worker (`speechqa worker`, and the workers inside `speechqa serve`): enqueues the store's
/// unfinished calls, registers the recurring jobs — reconcile every minute, a recorder-folder scan on its cron in the
/// hotline's (local) time zone — and works until stopped; running jobs finish or are handed back on shutdown.
/// </summary>
public sealed class HangfireWorkerHost(HangfireJobEngine engine, PipelineReconciler reconciler)
{
    public const string ReconcileJobId = "reconcile";

    public async Task RunAsync(int workers, string? scanFolder, string? scanCron, CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        engine.Recurring.AddOrUpdate<PipelineReconciler>(ReconcileJobId, "default", r => r.RecurringAsync(CancellationToken.None), Cron.Minutely());
        if (scanFolder is not null && scanCron is not null)
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
