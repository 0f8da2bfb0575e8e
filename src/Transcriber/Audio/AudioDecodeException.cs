namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// The file cannot be decoded (corrupt, empty, truncated, unsupported, mislabelled). Retrying does not help:
/// the pipeline turns it into a permanent failure of that call, with this message as the reason.
/// </summary>
public sealed class AudioDecodeException(string message, Exception? inner = null) : Exception(message, inner);
