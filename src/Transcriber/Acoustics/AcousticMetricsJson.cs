using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeechQa.Transcriber.Acoustics;

/// <summary>Stores acoustic metrics as JSON (snake_case, speakers by name) and reads them back.</summary>
public static class AcousticMetricsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(AcousticMetrics metrics) => JsonSerializer.Serialize(metrics, Options);

    public static AcousticMetrics Deserialize(string json) =>
        JsonSerializer.Deserialize<AcousticMetrics>(json, Options) ?? throw new JsonException("empty acoustic metrics");
}
