using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Pipeline;

/// <summary>
/// Stage 1: make sure the call has a transcript. Calls ingested with a transcript have one already;
/// calls with audio only need the Whisper transcriber, which is not part of this build yet, so they fail
/// with a reason that says so instead of pretending.
/// </summary>
public sealed class TranscribeStage(CallStore calls) : IJobHandler
{
    public string JobType => PipelineStage.Transcribe.JobType;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var revision = PipelineStage.RevisionOf(context.Job);
        var callId = context.Job.CallId!;
        if (!await calls.SetStatusAsync(callId, revision, CallStatus.Transcribing, null, cancellationToken).ConfigureAwait(false))
            return; // the call was re-ingested: this revision's work is obsolete

        var transcript = await calls.GetTranscriptAsync(callId, cancellationToken).ConfigureAwait(false);
        if (transcript is null)
        {
            throw new PermanentJobException(
                "该通话只有录音、没有转写稿，而本版本尚未配置语音识别模型 / no speech recogniser is configured in this build and the call has audio but no transcript");
        }
        context.ContinueWith(PipelineStage.Analyze.JobFor(callId, revision));
    }

    public Task OnFailedAsync(FetchedJob job, string error, CancellationToken cancellationToken) =>
        CallFailure.RecordAsync(calls, job, error, cancellationToken);
}
