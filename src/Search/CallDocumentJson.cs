using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeechQa.Search;

/// <summary>The JSON form of a <see cref="CallDocument"/> (snake_case), shared by the embedded store and Elasticsearch.</summary>
public static class CallDocumentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CallDocument document) => JsonSerializer.Serialize(document, Options);

    public static CallDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<CallDocument>(json, Options) ?? throw new JsonException("empty call document");
}
