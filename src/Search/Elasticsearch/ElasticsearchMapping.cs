using System.Globalization;
using System.Text.Json.Nodes;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>The index template (explicit, strict mappings) and the document ↔ <c>_source</c> mapping.</summary>
public static class ElasticsearchMapping
{
    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Of(string type) => new() { ["type"] = type };

    public static JsonObject Template(string indexName) => new()
    {
        ["index_patterns"] = new JsonArray(indexName + "*"),
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject { ["number_of_shards"] = 1 },
            ["mappings"] = new JsonObject
            {
                ["dynamic"] = "strict",
                ["properties"] = new JsonObject
                {
                    ["call_id"] = Keyword(), ["started_at"] = Of("date"), ["direction"] = Keyword(), ["agent_id"] = Keyword(),
                    ["agent_name"] = Keyword(), ["team"] = Keyword(), ["region"] = Keyword(), ["queue"] = Keyword(), ["category"] = Keyword(),
                    ["score"] = Of("integer"), ["sort_score"] = Of("integer"), ["fatal"] = Of("boolean"), ["duration_s"] = Of("float"),
                    ["hits"] = new JsonObject { ["properties"] = new JsonObject { ["rule"] = Keyword(), ["severity"] = Keyword() } },
                    ["segments"] = new JsonObject
                    {
                        ["type"] = "nested",
                        ["properties"] = new JsonObject
                        {
                            ["speaker"] = Keyword(), ["start"] = Of("float"), ["end"] = Of("float"), ["to_end"] = Of("float"),
                            ["text"] = new JsonObject { ["type"] = "text", ["index"] = false },
                            ["tokens"] = new JsonObject { ["type"] = "text", ["analyzer"] = "whitespace" },
                            ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "whitespace" },
                        },
                    },
                    ["repeat"] = new JsonObject
                    {
                        ["properties"] = new JsonObject { ["chain_id"] = Keyword(), ["position"] = Of("integer"), ["root_cause"] = Keyword() },
                    },
                },
            },
        },
    };

    public static string Field(TermsField field) => field switch
    {
        TermsField.Agent => "agent_id",
        TermsField.Team => "team",
        TermsField.Region => "region",
        TermsField.Queue => "queue",
        TermsField.Category => "category",
        TermsField.Rule => "hits.rule",
        TermsField.Severity => "hits.severity",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static JsonObject ToSource(CallDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var source = new JsonObject
        {
            ["call_id"] = d.CallId,
            ["started_at"] = d.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["direction"] = d.Direction,
            ["agent_id"] = d.AgentId, ["agent_name"] = d.AgentName, ["team"] = d.Team, ["region"] = d.Region, ["queue"] = d.Queue,
            ["category"] = d.Category, ["score"] = d.Score, ["sort_score"] = d.Score ?? -1, ["fatal"] = d.Fatal, ["duration_s"] = d.DurationSeconds,
            ["hits"] = new JsonArray([.. d.Hits.Select(h => (JsonNode)new JsonObject { ["rule"] = h.Rule, ["severity"] = h.Severity })]),
            ["segments"] = new JsonArray([.. d.Segments.Select(s => (JsonNode)new JsonObject
            {
                ["speaker"] = s.Speaker, ["start"] = s.Start, ["end"] = s.End, ["to_end"] = d.SecondsToEnd(s),
                ["text"] = s.Text, ["tokens"] = string.Join(' ', s.Tokens), ["chars"] = string.Join(' ', SearchTokens.Characters(s.Text)),
            })]),
        };
        if (d.Repeat is { } repeat)
            source["repeat"] = new JsonObject { ["chain_id"] = repeat.ChainId, ["position"] = repeat.Position, ["root_cause"] = repeat.RootCause };
        foreach (var key in source.Where(p => p.Value is null).Select(p => p.Key).ToList())
            source.Remove(key);
        return source;
    }

    public static CallDocument FromSource(JsonNode s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string? Text(string name) => s[name]?.GetValue<string>();
        return new CallDocument
        {
            CallId = Text("call_id")!,
            StartedAt = DateTimeOffset.Parse(Text("started_at")!, CultureInfo.InvariantCulture),
            Direction = Text("direction") ?? "inbound",
            AgentId = Text("agent_id"), AgentName = Text("agent_name"), Team = Text("team"), Region = Text("region"), Queue = Text("queue"),
            Category = Text("category"),
            Score = s["score"]?.GetValue<int>(),
            Fatal = s["fatal"]?.GetValue<bool>() ?? false,
            DurationSeconds = s["duration_s"]?.GetValue<double>() ?? 0,
            Hits = [.. (s["hits"]?.AsArray() ?? []).Select(h => new HitDocument(h!["rule"]!.GetValue<string>(), h["severity"]!.GetValue<string>()))],
            Segments = [.. (s["segments"]?.AsArray() ?? []).Select(g => new SegmentDocument(g!["speaker"]!.GetValue<string>(), g["start"]!.GetValue<double>(),
                g["end"]!.GetValue<double>(), g["text"]!.GetValue<string>(), g["tokens"]!.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries)))],
            Repeat = s["repeat"] is { } r ? new RepeatDocument(r["chain_id"]!.GetValue<string>(), r["position"]!.GetValue<int>(), r["root_cause"]?.GetValue<string>()) : null,
        };
    }
}
