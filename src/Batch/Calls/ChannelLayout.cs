namespace SpeechQa.Batch.Calls;

/// <summary>Which recording channel carries which speaker (manifest field <c>channels</c>).</summary>
public enum ChannelLayout
{
    /// <summary>Not given in the manifest: the source's default applies.</summary>
    Default,
    AgentLeft,
    AgentRight,
    Mono,
}
