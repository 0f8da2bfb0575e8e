using System.Globalization;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// The call store is the source of truth, Hangfire's queue a cache of it: this enqueues what the queue is missing.
/// <list type="bullet">
/// <item>Calls queued since the last pass (a manifest ingested by another process, a scan, a re-ingested call): a
/// watermark kept in Hangfire's storage, advanced under Hangfire's distributed lock, so on PostgreSQL each new call
/// is enqueued by one worker machine only; in-memory storage starts empty after a restart, so then every queued call
/// is taken. A call with a recording gets its own transcribe job; transcript-only calls go in import batches.</item>
/// <item>Calls whose status has not moved for <see cref="StaleAfter"/> (lost in-memory queues, orphaned locks,
/// invisibility waits), so recovery does not wait for Hangfire's 10–30 minute defaults.</item>
/// </list>
/// It runs when a worker starts and every minute as a recurring job. Enqueuing a call that is still running is
/// harmless: every handler is idempotent.
/// </summary>
public sealed class PipelineReconciler(CallStore calls, RecordingSourceStore sources, PipelineJobQueue queue, HangfireJobEngine engine, TimeProvider clock, ILogger<PipelineReconciler> logger)
{
    /// <summary>A call whose status has not changed for this long has no live job (a transcription window takes seconds).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private const string StateKey = "speechqa:reconcile";
    private const string WatermarkField = "queued-since-ms";

    /// <summary>Commits can land slightly out of time order; this much overlap is re-read each pass (the queue de-duplicates).</summary>
    private const long OverlapMs = 2000;

    private const int Page = 1000;

    private const int MaxBatch = 100;

    /// <summary>New queued calls and stale ones; returns how many jobs were enqueued.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        using var connection = engine.Storage.GetConnection();
        using var exclusive = connection.AcquireDistributedLock(StateKey, TimeSpan.FromSeconds(30));
        var state = connection.GetAllEntriesFromHash(StateKey);
        var since = state is not null && state.TryGetValue(WatermarkField, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stored)
            ? stored - OverlapMs
            : 0;
        var newest = since;
        var count = await ForEachPageAsync(after => calls.ListQueuedSinceAsync(after, since, Page, cancellationToken), c => c.CallId, page =>
        {
            var enqueued = page.Count(c => c.HasAudio && queue.Enqueue(PipelineStage.Transcribe.JobFor(c.CallId, c.Revision)));
            enqueued += EnqueueInBatches([.. page.Where(c => !c.HasAudio)]);
            if (page.Count > 0)
                newest = Math.Max(newest, page.Max(c => c.UpdatedAtMs));
            return enqueued;
        }).ConfigureAwait(false);
        count += await RequeueUnfinishedAsync(StaleAfter, cancellationToken).ConfigureAwait(false);
        connection.SetRangeInHash(StateKey, [new(WatermarkField, newest.ToString(CultureInfo.InvariantCulture))]);
        if (count > 0 && logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Reconcile: {Count} calls enqueued", count);
        return count;
    }

    /// <summary>
    /// The pass a starting `run` or worker makes. On the embedded store (Hangfire's in-memory queue) it also re-enqueues
    /// every unfinished call at once: a process killed before this one left its calls half done and its queue gone, and
    /// waiting <see cref="StaleAfter"/> would stall recovery (a call another process is still on is harmless to enqueue).
    /// </summary>
    public async Task<int> ReconcileOnStartAsync(CancellationToken cancellationToken)
    {
        var count = await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        if (!engine.QueueOutlivesProcess)
            count += await RequeueUnfinishedAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Transcript-only calls in batch jobs: about 32 batches per page, so a few hundred calls still spread over every
    /// worker, and at most <see cref="MaxBatch"/> calls each, so a batch takes seconds and one retried is cheap.
    /// </summary>
    private int EnqueueInBatches(QueuedCall[] transcriptOnly)
    {
        var size = Math.Clamp(transcriptOnly.Length / 32, 1, MaxBatch);
        foreach (var batch in transcriptOnly.Chunk(size))
            queue.EnqueueBatch(batch);
        return transcriptOnly.Length;
    }

    /// <summary>
    /// Enqueues the current stage of every unfinished call unchanged for <paramref name="unchangedFor"/>, even where this
    /// process thinks one is pending (`run` uses zero when its queue is idle but calls are unfinished).
    /// </summary>
    public Task<int> RequeueUnfinishedAsync(TimeSpan unchangedFor, CancellationToken cancellationToken)
    {
        var unchangedSince = clock.GetUtcNow() - unchangedFor;
        return ForEachPageAsync(after => calls.ListUnfinishedAsync(after, unchangedSince, Page, cancellationToken), c => c.CallId,
            page => page.Count(c => queue.Enqueue((c.Status == CallStatus.Analyzing ? PipelineStage.Analyze : PipelineStage.Transcribe).JobFor(c.CallId, c.Revision), evenIfPending: true)));
    }

    /// <summary>Pages through calls in id order (keyset on call_id), handing each page over; returns the sum of what the pages gave back.</summary>
    private static async Task<int> ForEachPageAsync<T>(Func<string?, Task<List<T>>> fetch, Func<T, string> callIdOf, Func<List<T>, int> handle)
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            var page = await fetch(after).ConfigureAwait(false);
            count += handle(page);
            if (page.Count < Page)
                return count;
            after = callIdOf(page[^1]);
        }
    }

    /// <summary>
    /// The recurring job's entry point (Hangfire runs it every minute on one of the servers; the pass takes its own lock).
    /// It also registers the recording sources' scans, so a source saved by another process is scanned here too.
    /// </summary>
    public async Task RecurringAsync(CancellationToken cancellationToken)
    {
        // Calls first: a source whose schedule cannot be registered must not hold up the calls.
        await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        await sources.ScheduleAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
