namespace SpeechQa.Batch.Calls;

/// <summary>
/// One recorded call as ingested from a manifest row. Paths are absolute after ingestion
/// (validated to stay inside the manifest's folder).
/// </summary>
public sealed record Call
{
    public required string CallId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required CallDirection Direction { get; init; }
    public required string Caller { get; init; }
    public required string AgentId { get; init; }
    public string? AgentName { get; init; }
    public string? Team { get; init; }
    public string? Queue { get; init; }
    public string? AccountNo { get; init; }
    public string? Region { get; init; }
    public string? HangupBy { get; init; }
    public string? AudioPath { get; init; }
    public string? AudioSha256 { get; init; }
    public ChannelLayout Channels { get; init; }
    public string? TranscriptPath { get; init; }
    public string? TranscriptSha256 { get; init; }

    /// <summary>Manifest fields the contract does not name, kept verbatim.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
