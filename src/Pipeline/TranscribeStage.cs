using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Pipeline;

/// <summary>
/// Stage 1: from audio to what can be judged. A call with a recording is always decoded, split into
/// speaker channels and measured (silences, overlaps, loudness), so a corrupt file fails here with its own
/// reason. The text comes with the manifest (imported transcript) or from Whisper on each speaker channel
/// when a model is configured; without one, a call with audio only fails with a reason that says so
/// instead of inventing text.
/// </summary>
public sealed class TranscribeStage(CallStore calls, CallAudioAnalyzer audio, CallTranscriber recogniser) : IJobHandler
{
    public string JobType => PipelineStage.Transcribe.JobType;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var revision = PipelineStage.RevisionOf(context.Job);
        var callId = context.Job.CallId!;
        if (!await calls.StartStageAsync(callId, revision, CallStatus.Transcribing, cancellationToken).ConfigureAwait(false))
            return; // the call was re-ingested: this revision's work is obsolete
        var call = await calls.GetAsync(callId, cancellationToken).ConfigureAwait(false);
        if (call is null || call.Revision != revision)
            return;

        IReadOnlyList<SpeakerTrack> tracks = [];
        AcousticMetrics? metrics = null;
        if (call.Call.AudioPath is not null)
        {
            try
            {
                (tracks, metrics) = await audio.AnalyzeAsync(call.Call, cancellationToken).ConfigureAwait(false);
            }
            catch (AudioDecodeException e)
            {
                throw new PermanentJobException($"录音无法解码 / cannot decode the recording: {e.Message}", e);
            }
            await calls.SaveAcousticsAsync(callId, revision, AcousticMetricsJson.Serialize(metrics), cancellationToken).ConfigureAwait(false);
        }

        if (await calls.GetTranscriptAsync(callId, cancellationToken).ConfigureAwait(false) is null)
        {
            if (!recogniser.IsConfigured)
            {
                throw new PermanentJobException(
                    "该通话只有录音、没有转写稿，且未配置语音识别模型 / no speech recogniser is configured (SPEECHQA_WHISPER_MODEL) and the call has audio but no transcript");
            }
            if (metrics is null)
                throw new PermanentJobException("该通话既没有录音也没有转写稿 / the call has neither a recording nor a transcript");
            Transcript transcript;
            try
            {
                transcript = await recogniser.TranscribeAsync(callId, tracks, metrics, cancellationToken).ConfigureAwait(false);
            }
            catch (WhisperModelException e)
            {
                throw new PermanentJobException(e.Message, e);
            }
            await calls.SaveTranscriptAsync(transcript, revision, cancellationToken).ConfigureAwait(false);
        }
        context.ContinueWith(PipelineStage.Analyze.JobFor(callId, revision));
    }

    public Task OnFailedAsync(RunningJob job, string error, CancellationToken cancellationToken) =>
        CallFailure.RecordAsync(calls, job, error, cancellationToken);
}
