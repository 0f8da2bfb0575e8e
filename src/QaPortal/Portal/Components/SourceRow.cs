using SpeechQa.Pipeline;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>One recording source as the page shows it: its settings, whether the folder is there, its scans and manifests so far.</summary>
public sealed record SourceRow(RecordingSource Source, bool FolderExists, DateTimeOffset? NextScan, DateTimeOffset? LastScan, long Manifests);
