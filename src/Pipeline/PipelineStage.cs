using System.Globalization;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Pipeline;

/// <summary>
/// The per-call pipeline: transcribe → analyze → index, one job per call per stage and revision
/// (the idempotency key), each stage enqueuing the next when it succeeds. Each stage has its own Hangfire queue
/// (<see cref="PipelineJobQueue.Queues"/>), later stages taken first so calls finish before new ones start.
/// </summary>
public sealed record PipelineStage(string JobType)
{
    public static readonly PipelineStage Transcribe = new("transcribe");
    public static readonly PipelineStage Analyze = new("analyze");
    public static readonly PipelineStage Index = new("index");

    public static IReadOnlyList<PipelineStage> All { get; } = [Transcribe, Analyze, Index];

    public PipelineStage? Next => JobType switch
    {
        "transcribe" => Analyze,
        "analyze" => Index,
        _ => null,
    };

    /// <summary>The job of this stage for one revision of a call; the payload carries the revision.</summary>
    public NewJob JobFor(string callId, int revision) =>
        new(JobType, $"{JobType}:{callId}:r{revision}")
        {
            CallId = callId,
            Payload = revision.ToString(CultureInfo.InvariantCulture),
        };

    public static int RevisionOf(RunningJob job) =>
        int.TryParse(job.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new PermanentJobException($"Job {job.JobId} has no call revision in its payload ('{job.Payload}').");
}
