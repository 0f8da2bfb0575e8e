namespace SpeechQa.Batch.Transcripts;

/// <summary>Who spoke a segment. Mono recordings without diarization give <see cref="Unknown"/>.</summary>
public enum Speaker
{
    Agent,
    Customer,
    Unknown,
}
