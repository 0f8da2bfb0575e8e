using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Judging;

/// <summary>The export's <c>hits</c> array (formats.md §4), stored as-is so the export embeds it unchanged.</summary>
public static class HitsJson
{
    public static string Serialize(IEnumerable<RuleHit> hits)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, TranscriptJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var hit in hits)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", hit.Rule);
                writer.WriteString("name", hit.RuleName);
                writer.WriteString("ruleset", hit.RuleSet);
                writer.WriteString("severity", hit.Severity.ToWire());
                writer.WriteNumber("points", hit.Points);
                writer.WriteString("source", hit.Source);
                if (hit.Speaker is { } speaker)
                    writer.WriteString("speaker", speaker.ToString().ToLowerInvariant());
                writer.WriteNumber("segment", hit.Segment);
                writer.WriteNumber("start", Math.Round(hit.Start, 2));
                writer.WriteNumber("end", Math.Round(hit.End, 2));
                writer.WriteString("evidence", hit.Evidence);
                writer.WriteNumber("confidence", hit.Confidence);
                writer.WriteBoolean("needs_review", hit.NeedsReview);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
