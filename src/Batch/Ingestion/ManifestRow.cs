namespace SpeechQa.Batch.Ingestion;

/// <summary>One record of a manifest as read, before validation. <see cref="Line"/> is 1-based (the header is line 1 in CSV).</summary>
public sealed record ManifestRow(int Line, IReadOnlyDictionary<string, string> Fields);
