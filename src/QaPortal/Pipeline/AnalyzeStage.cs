using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.QaPortal.Pipeline;

/// <summary>
/// Stage 2: judge the transcript. In this build it computes the call metrics (talk time, silence,
/// overlaps, speech rate; measured on the audio where there is audio, else from segment timings); rules, classifier and scores plug in here as they are built. Idempotent:
/// the metrics and the final status are written in the transaction that marks the job succeeded.
/// </summary>
public sealed class AnalyzeStage(CallStore calls, PipelineOptions options) : IJobHandler
{
    public string JobType => PipelineStage.Analyze.JobType;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var revision = PipelineStage.RevisionOf(context.Job);
        var callId = context.Job.CallId!;
        if (!await calls.SetStatusAsync(callId, revision, CallStatus.Analyzing, null, cancellationToken).ConfigureAwait(false))
            return;
        var transcript = await calls.GetTranscriptAsync(callId, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentJobException("通话没有转写稿，无法分析 / the call has no transcript to analyse");

        var acoustics = await calls.GetAcousticsAsync(callId, revision, cancellationToken).ConfigureAwait(false) is { } json
            ? AcousticMetricsJson.Deserialize(json)
            : null;
        var metrics = MetricsJson.Serialize(TimingMetrics.From(transcript), acoustics);
        context.WriteOnSuccess(async (transaction, ct) =>
        {
            await calls.SaveMetricsAsync(transaction, callId, revision, metrics, ct).ConfigureAwait(false);
            await calls.SetStatusAsync(transaction, callId, revision, CallStatus.Scored, null, ct).ConfigureAwait(false);
        });

        // The index stage runs only where an index is configured (the search issue adds it).
        if (options.IndexStageEnabled && PipelineStage.Analyze.Next is { } next)
            context.ContinueWith(next.JobFor(callId, revision));
    }

    public Task OnFailedAsync(FetchedJob job, string error, CancellationToken cancellationToken) =>
        CallFailure.RecordAsync(calls, job, error, cancellationToken);
}
