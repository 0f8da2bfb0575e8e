namespace SpeechQa.Transcriber.Asr;

/// <summary>A stretch of text Whisper placed between two timestamps, in seconds from the start of the track.</summary>
public sealed record DecodedSegment(double Start, double End, IReadOnlyList<int> TextTokens);
