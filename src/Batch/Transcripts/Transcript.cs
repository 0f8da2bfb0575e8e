namespace SpeechQa.Batch.Transcripts;

/// <summary>A call's transcript (formats.md §2): who said what, when.</summary>
public sealed record Transcript(string CallId, string Language, string Source, IReadOnlyList<TranscriptSegment> Segments)
{
    /// <summary>Source name for transcripts that came with the manifest rather than from our ASR.</summary>
    public const string ImportedSource = "imported";
}
