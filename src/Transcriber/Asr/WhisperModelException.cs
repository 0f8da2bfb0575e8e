namespace SpeechQa.Transcriber.Asr;

/// <summary>The configured Whisper model cannot be used; the message names the file and the reason.</summary>
public sealed class WhisperModelException(string message, Exception? inner = null) : Exception(message, inner);
