using System.Text;
using System.Text.Json;

namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// Reads a manifest (formats.md §1) as CSV with a header row or as JSON Lines, chosen by extension
/// (.jsonl/.ndjson → JSON Lines, anything else CSV). Rows that cannot even be read come back as problems;
/// the rest go on to validation.
/// </summary>
public static class ManifestReader
{
    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    public static bool IsManifest(string path) =>
        IsJsonLines(path) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static (List<ManifestRow> Rows, List<RowProblem> Problems) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new ManifestFormatException($"{path} is not UTF-8 text (save it as UTF-8; GBK is not accepted)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestFormatException($"cannot read {path}: {e.Message}");
        }
        text = text.TrimStart('\uFEFF');
        return IsJsonLines(path) ? ReadJsonLines(text) : ReadCsv(text, path);
    }

    private static (List<ManifestRow>, List<RowProblem>) ReadCsv(string text, string path)
    {
        var rows = new List<ManifestRow>();
        var problems = new List<RowProblem>();
        using var reader = new StringReader(text);
        string[]? header = null;
        foreach (var (line, fields) in CsvRecordReader.Read(reader))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
                if (duplicate is not null)
                    throw new ManifestFormatException($"{path}: the header names column '{duplicate.Key}' twice");
                if (!header.Contains("call_id"))
                    throw new ManifestFormatException($"{path}: the header row has no 'call_id' column (found: {string.Join(", ", header)})");
                continue;
            }
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
                continue; // blank line
            if (fields.Count != header.Length)
            {
                problems.Add(new RowProblem(line, null, $"has {fields.Count} fields but the header has {header.Length}"));
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i].Length > 0)
                    values[header[i]] = fields[i].Trim();
            }
            rows.Add(new ManifestRow(line, values));
        }
        if (header is null)
            throw new ManifestFormatException($"{path} is empty: expected a header row with call_id, started_at, …");
        return (rows, problems);
    }

    private static (List<ManifestRow>, List<RowProblem>) ReadJsonLines(string text)
    {
        var rows = new List<ManifestRow>();
        var problems = new List<RowProblem>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineText = lines[i].TrimEnd('\r');
            if (lineText.Trim().Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(lineText);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new RowProblem(i + 1, null, "is not a JSON object"));
                    continue;
                }
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var value = ScalarText(property.Value);
                    if (value is not null)
                        values[property.Name] = value;
                }
                rows.Add(new ManifestRow(i + 1, values));
            }
            catch (JsonException e)
            {
                problems.Add(new RowProblem(i + 1, null, $"is not valid JSON: {e.Message}"));
            }
        }
        return (rows, problems);
    }

    /// <summary>Numbers stay as written (a caller number must not become 1.38E+10); objects are kept as JSON text.</summary>
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
