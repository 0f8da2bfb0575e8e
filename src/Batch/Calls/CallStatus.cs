namespace SpeechQa.Batch.Calls;

/// <summary>Pipeline status of a call, as written in the results export (formats.md §4).</summary>
public enum CallStatus
{
    Queued,
    Transcribing,
    Analyzing,
    Scored,
    Failed,
}
