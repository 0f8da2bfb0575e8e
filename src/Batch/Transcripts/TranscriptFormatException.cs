namespace SpeechQa.Batch.Transcripts;

/// <summary>A transcript file does not follow formats.md §2; the message names the field at fault.</summary>
public sealed class TranscriptFormatException(string message) : Exception(message);
