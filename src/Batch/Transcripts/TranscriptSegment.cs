namespace SpeechQa.Batch.Transcripts;

/// <summary>
/// One utterance of one speaker, in seconds from the call start. <see cref="Extra"/> keeps the optional
/// per-segment fields of formats.md §2 (words, avg_logprob, no_speech_prob, channel) as raw JSON so that
/// export → import round-trips without this type knowing every field.
/// </summary>
public sealed record TranscriptSegment(Speaker Speaker, double Start, double End, string Text)
{
    public string? Extra { get; init; }

    public double Duration => End - Start;
}
