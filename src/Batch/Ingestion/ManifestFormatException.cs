namespace SpeechQa.Batch.Ingestion;

/// <summary>The manifest as a whole is unusable (unreadable, no header, no call_id column): nothing is ingested.</summary>
public sealed class ManifestFormatException(string message) : Exception(message);
