using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Pipeline;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.Pipeline.Repeats;

/// <summary>
/// Recomputes repeat chains, outage clusters and root causes over every scored call and saves what changed; calls
/// whose place changed are indexed again (their search documents carry the repeat field). The analyze stage asks
/// for one run per <see cref="Debounce"/> slot, due just after the slot ends, so a batch triggers a run every few
/// seconds rather than one per call, and a call scored late in a slot is still in its run. A run waits behind the
/// stage jobs (Hangfire's last queue): it rechains every scored call, so during a large import it
/// runs when the stages run dry — usually once at the end — instead of every slot at a cost that grows with the store.
/// </summary>
public sealed class RepeatAnalysisJob(RepeatStore repeats, CallScoring scoring, PipelineOptions options) : IJobHandler
{
    public const string Type = "repeats";

    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(10);

    public string JobType => Type;

    /// <summary>The run that covers a call scored at <paramref name="now"/>.</summary>
    public static NewJob For(DateTimeOffset now)
    {
        var slot = now.ToUnixTimeMilliseconds() / (long)Debounce.TotalMilliseconds;
        return new NewJob(Type, "repeats:" + slot.ToString(CultureInfo.InvariantCulture))
        {
            RunAt = DateTimeOffset.FromUnixTimeMilliseconds((slot + 1) * (long)Debounce.TotalMilliseconds).AddSeconds(1),
        };
    }

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (scoring.RepeatPolicy is not { } policy)
            return;
        var contacts = await repeats.LoadContactsAsync(cancellationToken).ConfigureAwait(false);
        var result = new RepeatAnalysis(policy).Run(contacts, cancellationToken);
        var changed = await repeats.SaveAsync(result, cancellationToken).ConfigureAwait(false);
        await repeats.SaveReportAsync(RepeatMetrics.Compute(contacts, result, policy, context.StartedAt), cancellationToken).ConfigureAwait(false);
        if (!options.IndexStageEnabled)
            return;
        foreach (var callId in changed)
        {
            context.ContinueWith(new NewJob(PipelineStage.Index.JobType, $"index:{callId}:repeats{context.Job.JobId}")
            {
                CallId = callId,
            });
        }
    }

    public Task OnFailedAsync(RunningJob job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
