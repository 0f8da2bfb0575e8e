using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpeechQa.Batch.Transcripts;

/// <summary>Reads and writes the transcript JSON of formats.md §2.</summary>
public static class TranscriptJson
{
    /// <summary>Chinese text stays readable in files we write (no \uXXXX escapes).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> KnownSegmentFields = ["speaker", "start", "end", "text"];

    public static Transcript Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new TranscriptFormatException($"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new TranscriptFormatException("the top level must be a JSON object");
            var callId = RequiredString(root, "call_id");
            var language = OptionalString(root, "language") ?? "zh";
            var source = OptionalString(root, "source") ?? Transcript.ImportedSource;
            if (!root.TryGetProperty("segments", out var segmentsElement) || segmentsElement.ValueKind != JsonValueKind.Array)
                throw new TranscriptFormatException("'segments' must be an array");

            var segments = new List<TranscriptSegment>(segmentsElement.GetArrayLength());
            var index = 0;
            foreach (var element in segmentsElement.EnumerateArray())
            {
                segments.Add(ParseSegment(element, index));
                index++;
            }
            return new Transcript(callId, language, source, segments);
        }
    }

    private static TranscriptSegment ParseSegment(JsonElement element, int index)
    {
        var where = $"segments[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
            throw new TranscriptFormatException($"{where} must be an object");
        var speaker = RequiredString(element, "speaker", where) switch
        {
            "agent" => Speaker.Agent,
            "customer" => Speaker.Customer,
            "unknown" => Speaker.Unknown,
            var other => throw new TranscriptFormatException($"{where}.speaker '{other}' is not agent, customer or unknown"),
        };
        var start = RequiredSeconds(element, "start", where);
        var end = RequiredSeconds(element, "end", where);
        if (end < start)
            throw new TranscriptFormatException($"{where} ends ({end}) before it starts ({start})");
        var text = RequiredString(element, "text", where, allowEmpty: true);
        return new TranscriptSegment(speaker, start, end, text) { Extra = ExtraFields(element) };
    }

    private static string? ExtraFields(JsonElement segment)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            var any = false;
            foreach (var property in segment.EnumerateObject())
            {
                if (KnownSegmentFields.Contains(property.Name))
                    continue;
                property.WriteTo(writer);
                any = true;
            }
            writer.WriteEndObject();
            writer.Flush();
            if (!any)
                return null;
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string RequiredString(JsonElement obj, string name, string? where = null, bool allowEmpty = false)
    {
        var path = where is null ? name : $"{where}.{name}";
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            throw new TranscriptFormatException($"'{path}' is missing or not a string");
        var text = value.GetString()!;
        if (!allowEmpty && text.Length == 0)
            throw new TranscriptFormatException($"'{path}' is empty");
        return text;
    }

    private static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double RequiredSeconds(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
            throw new TranscriptFormatException($"'{where}.{name}' is missing or not a number");
        if (seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
            throw new TranscriptFormatException($"'{where}.{name}' must be a non-negative number of seconds");
        return seconds;
    }

    public static void Write(Utf8JsonWriter writer, Transcript transcript)
    {
        writer.WriteStartObject();
        writer.WriteString("call_id", transcript.CallId);
        writer.WriteString("language", transcript.Language);
        writer.WriteString("source", transcript.Source);
        writer.WriteStartArray("segments");
        foreach (var segment in transcript.Segments)
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", SpeakerName(segment.Speaker));
            writer.WriteNumber("start", Math.Round(segment.Start, 3));
            writer.WriteNumber("end", Math.Round(segment.End, 3));
            writer.WriteString("text", segment.Text);
            if (segment.Extra is not null)
            {
                using var extra = JsonDocument.Parse(segment.Extra);
                foreach (var property in extra.RootElement.EnumerateObject())
                    property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8Bytes(Transcript transcript, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
            Write(writer, transcript);
        return buffer.ToArray();
    }

    public static string SpeakerName(Speaker speaker) => speaker switch
    {
        Speaker.Agent => "agent",
        Speaker.Customer => "customer",
        _ => "unknown",
    };
}
