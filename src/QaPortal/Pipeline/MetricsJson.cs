using System.Text.Json;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.QaPortal.Pipeline;

/// <summary>The export's <c>metrics</c> object (formats.md §4), stored as-is so the export embeds it unchanged.</summary>
public static class MetricsJson
{
    public static string Serialize(TimingMetrics metrics)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("duration_s", metrics.DurationSeconds);
            writer.WriteNumber("agent_talk_s", metrics.AgentTalkSeconds);
            writer.WriteNumber("customer_talk_s", metrics.CustomerTalkSeconds);
            writer.WriteNumber("max_silence_s", metrics.MaxSilenceSeconds);
            writer.WriteNumber("overlaps", metrics.Overlaps);
            if (metrics.AgentCharsPerMinute is { } rate)
                writer.WriteNumber("agent_chars_per_min", rate);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
