namespace SpeechQa.Batch.Transcripts;

/// <summary>
/// Call metrics that follow from segment timings alone (export field <c>metrics</c>). The Transcriber
/// refines silence and overlap from the audio itself; for imported transcripts these are all there is.
/// </summary>
public sealed record TimingMetrics(
    double DurationSeconds,
    double AgentTalkSeconds,
    double CustomerTalkSeconds,
    double MaxSilenceSeconds,
    int Overlaps,
    int? AgentCharsPerMinute)
{
    /// <summary>Overlaps shorter than this are back-channel noise ("嗯"), not interruptions.</summary>
    public static readonly double MinOverlapSeconds = 0.3;

    public static TimingMetrics From(Transcript transcript)
    {
        var segments = transcript.Segments.OrderBy(s => s.Start).ToList();
        var duration = segments.Count == 0 ? 0 : segments.Max(s => s.End);
        var agentTalk = TalkSeconds(segments, Speaker.Agent);
        var customerTalk = TalkSeconds(segments, Speaker.Customer);

        // Silence: gaps where nobody speaks, including before the first segment.
        double maxSilence = 0, covered = 0;
        foreach (var segment in segments)
        {
            maxSilence = Math.Max(maxSilence, segment.Start - covered);
            covered = Math.Max(covered, segment.End);
        }

        var overlaps = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = i + 1; j < segments.Count && segments[j].Start < segments[i].End; j++)
            {
                if (segments[j].Speaker != segments[i].Speaker
                    && Math.Min(segments[i].End, segments[j].End) - segments[j].Start >= MinOverlapSeconds)
                    overlaps++;
            }
        }

        var agentChars = segments.Where(s => s.Speaker == Speaker.Agent).Sum(s => CountSpokenChars(s.Text));
        int? charsPerMinute = agentTalk > 0 ? (int)Math.Round(agentChars / (agentTalk / 60.0)) : null;
        return new TimingMetrics(Round(duration), Round(agentTalk), Round(customerTalk), Round(maxSilence), overlaps, charsPerMinute);
    }

    private static double TalkSeconds(List<TranscriptSegment> segments, Speaker speaker) =>
        segments.Where(s => s.Speaker == speaker).Sum(s => s.Duration);

    /// <summary>Speech rate counts what is spoken: letters and digits, not punctuation or spaces.</summary>
    private static int CountSpokenChars(string text) => text.Count(char.IsLetterOrDigit);

    private static double Round(double seconds) => Math.Round(seconds, 2);
}
