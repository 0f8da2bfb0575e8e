using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Pipeline;

/// <summary>
/// The export's <c>metrics</c> object (formats.md §4), stored as-is so the export embeds it unchanged.
/// Where the call has audio, durations, silence and overlaps are measured on it; the transcript's segment
/// timings stand in for imported transcripts without audio. The speech rate needs the text either way.
/// </summary>
public static class MetricsJson
{
    public static string Serialize(TimingMetrics timing, AcousticMetrics? acoustics)
    {
        var duration = timing.DurationSeconds;
        var agentTalk = timing.AgentTalkSeconds;
        var customerTalk = timing.CustomerTalkSeconds;
        var maxSilence = timing.MaxSilenceSeconds;
        var overlaps = timing.Overlaps;
        var charsPerMinute = timing.AgentCharsPerMinute;
        if (acoustics is not null)
        {
            duration = acoustics.DurationSeconds;
            agentTalk = TalkOf(acoustics, Speaker.Agent) ?? agentTalk;
            customerTalk = TalkOf(acoustics, Speaker.Customer) ?? customerTalk;
            maxSilence = acoustics.Silences.Count == 0 ? 0 : Math.Round(acoustics.Silences.Max(s => s.Duration), 2);
            overlaps = acoustics.Overlaps.Count(o => o.Duration >= TimingMetrics.MinOverlapSeconds);
            if (charsPerMinute is { } rate && TalkOf(acoustics, Speaker.Agent) is > 0 and var measured)
                charsPerMinute = (int)Math.Round(rate * timing.AgentTalkSeconds / measured);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("duration_s", duration);
            writer.WriteNumber("agent_talk_s", agentTalk);
            writer.WriteNumber("customer_talk_s", customerTalk);
            writer.WriteNumber("max_silence_s", maxSilence);
            writer.WriteNumber("overlaps", overlaps);
            if (charsPerMinute is { } chars)
                writer.WriteNumber("agent_chars_per_min", chars);
            writer.WriteString("measured_on", acoustics is null ? "transcript" : "audio");
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static double? TalkOf(AcousticMetrics acoustics, Speaker speaker) =>
        acoustics.Speakers.FirstOrDefault(s => s.Speaker == speaker)?.TalkSeconds;
}
