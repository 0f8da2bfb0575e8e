using System.Text.Json;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Scoring.Repeats;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Pipeline;

/// <summary>
/// Stage 2: judge the transcript: the call metrics (talk time, silence, overlaps, speech rate; measured on the
/// audio where there is audio, else from segment timings), then the call's rule set (segmentation, rules, score).
/// Idempotent: metrics, judgement and the final status are written in the transaction that marks the job succeeded.
/// </summary>
public sealed class AnalyzeStage(CallStore calls, PipelineOptions options, CallScoring scoring) : IJobHandler
{
    public string JobType => PipelineStage.Analyze.JobType;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var revision = PipelineStage.RevisionOf(context.Job);
        var callId = context.Job.CallId!;
        if (!await calls.StartStageAsync(callId, revision, CallStatus.Analyzing, cancellationToken).ConfigureAwait(false))
            return;
        var transcript = await calls.GetTranscriptAsync(callId, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentJobException("通话没有转写稿，无法分析 / the call has no transcript to analyse");

        var acoustics = await calls.GetAcousticsAsync(callId, revision, cancellationToken).ConfigureAwait(false) is { } json
            ? AcousticMetricsJson.Deserialize(json)
            : null;
        var timing = TimingMetrics.From(transcript);
        var metrics = MetricsJson.Serialize(timing, acoustics);
        StoredJudgement? judgement = null;
        if (scoring.Judge is { } judge && await calls.GetAsync(callId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            var result = judge.Judge(scoring.RuleSetFor(stored.Call), transcript,
                CallScoring.MetadataOf(stored.Call, acoustics?.DurationSeconds ?? timing.DurationSeconds),
                acoustics is null ? null : CallScoring.AudioOf(acoustics), cancellationToken);
            judgement = new StoredJudgement(result.RuleSet, result.Score, result.Fatal, HitsJson.Serialize(result.Hits),
                result.Categories.Count > 0 ? result.Categories[0].Id : null,
                result.Categories.Count > 0 ? JsonSerializer.Serialize(result.Categories.Select(c => new { id = c.Id, p = c.P })) : null,
                CueMatchJson.Serialize(scoring.RepeatCuesOf(transcript, result.CustomerActs, stored.Call.Direction == CallDirection.Outbound)));
        }
        context.WriteOnSuccess(async (transaction, ct) =>
        {
            await calls.SaveMetricsAsync(transaction, callId, revision, metrics, ct).ConfigureAwait(false);
            if (judgement is not null)
                await calls.SaveJudgementAsync(transaction, callId, revision, judgement, ct).ConfigureAwait(false);
            await calls.SetStatusAsync(transaction, callId, revision, CallStatus.Scored, null, ct).ConfigureAwait(false);
        });

        // Repeat chains are recomputed a few seconds after calls are scored (one run per slot, not per call).
        if (scoring.RepeatPolicy is not null)
            context.ContinueWith(RepeatAnalysisJob.For(context.StartedAt));

        // The index stage runs only where an index is configured (the search issue adds it).
        if (options.IndexStageEnabled && PipelineStage.Analyze.Next is { } next)
            context.ContinueWith(next.JobFor(callId, revision));
    }

    public Task OnFailedAsync(RunningJob job, string error, CancellationToken cancellationToken) =>
        CallFailure.RecordAsync(calls, job, error, cancellationToken);
}
