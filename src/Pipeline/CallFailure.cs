using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;

namespace SpeechQa.Pipeline;

/// <summary>A stage job failed for good: the call shows as failed with the reason (unless it was re-ingested meanwhile).</summary>
internal static class CallFailure
{
    public static async Task RecordAsync(CallStore calls, RunningJob job, string error, CancellationToken cancellationToken)
    {
        if (job.CallId is null)
            return;
        await calls.SetStatusAsync(job.CallId, PipelineStage.RevisionOf(job), CallStatus.Failed, error, cancellationToken).ConfigureAwait(false);
    }
}
