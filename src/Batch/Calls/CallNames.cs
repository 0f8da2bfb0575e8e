namespace SpeechQa.Batch.Calls;

/// <summary>The wire spellings of the call enums (manifest, export, database).</summary>
public static class CallNames
{
    public static string ToWire(this CallDirection direction) => direction == CallDirection.Inbound ? "inbound" : "outbound";

    public static string ToWire(this CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Transcribing => "transcribing",
        CallStatus.Analyzing => "analyzing",
        CallStatus.Scored => "scored",
        CallStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string? ToWire(this ChannelLayout layout) => layout switch
    {
        ChannelLayout.Default => null,
        ChannelLayout.AgentLeft => "agent-left",
        ChannelLayout.AgentRight => "agent-right",
        ChannelLayout.Mono => "mono",
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    public static bool TryParseDirection(string? value, out CallDirection direction)
    {
        direction = value switch { "inbound" => CallDirection.Inbound, "outbound" => CallDirection.Outbound, _ => (CallDirection)(-1) };
        return (int)direction >= 0;
    }

    public static bool TryParseChannels(string? value, out ChannelLayout layout)
    {
        layout = value switch
        {
            null or "" => ChannelLayout.Default,
            "agent-left" => ChannelLayout.AgentLeft,
            "agent-right" => ChannelLayout.AgentRight,
            "mono" => ChannelLayout.Mono,
            _ => (ChannelLayout)(-1),
        };
        return (int)layout >= 0;
    }

    public static CallStatus ParseStatus(string value) => value switch
    {
        "queued" => CallStatus.Queued,
        "transcribing" => CallStatus.Transcribing,
        "analyzing" => CallStatus.Analyzing,
        "scored" => CallStatus.Scored,
        "failed" => CallStatus.Failed,
        _ => throw new FormatException($"Unknown call status '{value}'."),
    };
}
