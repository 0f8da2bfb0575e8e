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
        await reconciler.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        // A worker killed before this one left its calls half done and its in-memory queue gone: take them now, not
        // after the five-minute stale wait (handlers are idempotent, so a call another process is still on is harmless).
        if (!engine.QueueOutlivesProcess)
            await reconciler.RequeueUnfinishedAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
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
