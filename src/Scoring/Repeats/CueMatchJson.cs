using System.Text.Json;

namespace SpeechQa.Scoring.Repeats;

/// <summary>A call's repeat cues as stored with its judgement: <c>[{"cue":"R2","text":"还没人来"}]</c>.</summary>
public static class CueMatchJson
{
    public static string Serialize(IReadOnlyList<CueMatch> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var cue in cues)
            {
                writer.WriteStartObject();
                writer.WriteString("cue", cue.Cue);
                writer.WriteString("text", cue.Text);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IReadOnlyList<CueMatch> Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new CueMatch(e.GetProperty("cue").GetString() ?? "", e.GetProperty("text").GetString() ?? ""))];
    }
}
