namespace SpeechQa.Batch.Store;

/// <summary>The --db / SPEECHQA_DB setting cannot be used; the message says why.</summary>
public sealed class StoreSettingException(string message, Exception? inner = null) : Exception(message, inner);
