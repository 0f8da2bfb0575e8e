using System.Text.Json;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// Reads jieba.NET's prob_trans.json / prob_emit.json: an object of states, each an object of characters (or states)
/// to log probabilities — the shape <see cref="PythonDictLiteral"/> gives for Python's prob_*.py, so one HMM loader serves both.
/// </summary>
internal static class JsonProbabilities
{
    public static Dictionary<string, object> ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var states = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var state in document.RootElement.EnumerateObject())
            {
                var row = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var entry in state.Value.EnumerateObject())
                    row[entry.Name] = entry.Value.GetDouble();
                states[state.Name] = row;
            }
            return states;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new JiebaDataException($"jieba 模型文件格式错误 {path}: {e.Message}");
        }
    }
}
