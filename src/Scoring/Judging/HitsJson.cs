using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Judging;

/// <summary>A hit as read back from the stored <c>hits</c> array; fields a writer left out read as empty or zero.</summary>
public sealed record StoredHit(string Rule, string Name, string Severity, int Points, int Segment, double Start, string Evidence)
{
    public bool Fatal => Severity == "fatal";
}

/// <summary>The export's <c>hits</c> array (formats.md §4), stored as-is so the export embeds it unchanged.</summary>
public static class HitsJson
{
    /// <summary>The stored array read back: the one reader for the portal, reports, repeats and the search index.</summary>
    public static IReadOnlyList<StoredHit> Read(string hitsJson)
    {
        using var json = JsonDocument.Parse(hitsJson);
        static string Text(JsonElement hit, string name) => hit.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        static double Number(JsonElement hit, string name) => hit.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
        return [.. json.RootElement.EnumerateArray().Select(h => new StoredHit(Text(h, "rule"), Text(h, "name"), Text(h, "severity"),
            (int)Number(h, "points"), (int)Number(h, "segment"), Number(h, "start"), Text(h, "evidence")))];
    }

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
