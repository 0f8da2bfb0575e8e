using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa run` on Hangfire: every unfinished call in the store is enqueued (the store is the source of truth),
/// a Hangfire server works until nothing is enqueued, scheduled or running and no call is left unfinished, then stops.
/// </summary>
internal static class HangfireRun
{
    public static async Task RunUntilDrainedAsync(CliApp app, int workers, CancellationToken cancellationToken)
    {
        var engine = app.Get<HangfireJobEngine>();
        var reconciler = app.Get<PipelineReconciler>();
        var calls = app.Get<CallStore>();
        await reconciler.ReconcileOnStartAsync(cancellationToken).ConfigureAwait(false);
        using var server = engine.StartServer(workers);
        var idleRounds = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                if (!engine.IsIdle())
                {
                    idleRounds = 0;
                    continue;
                }
                var counts = await calls.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
                if (counts.Where(c => c.Key is not (CallStatus.Scored or CallStatus.Failed)).Sum(c => c.Value) == 0)
                    break;
                // Idle with unfinished calls: a job was lost between a write and its next stage. Enqueue them again.
                if (++idleRounds > 3)
                {
                    idleRounds = 0;
                    await reconciler.RequeueUnfinishedAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the server stops below; unfinished calls stay in the store for the next run.
        }
        server.SendStop();
    }
}
