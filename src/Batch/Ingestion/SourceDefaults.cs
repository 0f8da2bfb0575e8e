using SpeechQa.Batch.Calls;

namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// A recording source's settings for rows that leave them out: which channel is the agent (formats.md: "default
/// from the source's settings") and which rule set judges its calls. A row's own value always wins.
/// </summary>
public sealed record SourceDefaults(ChannelLayout Channels, string? RuleSet)
{
    public static SourceDefaults None { get; } = new(ChannelLayout.Default, null);
}
