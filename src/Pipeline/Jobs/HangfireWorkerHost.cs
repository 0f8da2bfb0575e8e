using Hangfire;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// A long-running Hangfire worker (`speechqa worker`, and the workers inside `speechqa serve`): enqueues the store's
/// unfinished calls, registers the recurring jobs — reconcile every minute, each recording source's folder scan and the
/// `--watch` folder's on their cron in the hotline's time zone — and works until stopped; running jobs finish or are
/// handed back on shutdown.
/// </summary>
public sealed class HangfireWorkerHost(HangfireJobEngine engine, PipelineReconciler reconciler, RecordingSourceStore sources, RecurringScans scans)
{
    public const string ReconcileJobId = "reconcile";

    public async Task RunAsync(int workers, string? scanFolder, string? scanCron, CancellationToken cancellationToken)
    {
        await reconciler.ReconcileOnStartAsync(cancellationToken).ConfigureAwait(false);
        engine.Recurring.AddOrUpdate<PipelineReconciler>(ReconcileJobId, PipelineJobQueue.DefaultQueue, r => r.RecurringAsync(CancellationToken.None), Cron.Minutely());
        await sources.ScheduleAllAsync(cancellationToken).ConfigureAwait(false);
        if (scanFolder is not null && scanCron is not null)
            scans.Schedule(scanFolder, scanCron);
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
