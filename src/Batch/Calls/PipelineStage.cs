using System.Globalization;
using SpeechQa.Batch.Jobs;

namespace SpeechQa.Batch.Calls;

/// <summary>
/// The per-call pipeline: transcribe → analyze → index, one job per call per stage and revision
/// (the idempotency key), each stage enqueuing the next when it succeeds.
/// </summary>
public sealed record PipelineStage(string JobType, int Priority)
{
    public static readonly PipelineStage Transcribe = new("transcribe", 1);
    public static readonly PipelineStage Analyze = new("analyze", 2);
    public static readonly PipelineStage Index = new("index", 3);

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
            Priority = Priority,
        };

    public static int RevisionOf(FetchedJob job) =>
        int.TryParse(job.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new PermanentJobException($"Job {job.Id} has no call revision in its payload ('{job.Payload}').");
}
