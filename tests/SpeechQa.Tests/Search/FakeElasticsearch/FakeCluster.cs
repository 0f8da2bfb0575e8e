using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpeechQa.Tests.Search.FakeElasticsearch;

/// <summary>The fake's state and the documented answers: templates, indices with their mappings, documents, points in time.</summary>
public sealed class FakeCluster
{
    private readonly Dictionary<string, JsonObject> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeIndex> _indices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Index, Dictionary<string, JsonObject> Documents)> _pits = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FakeIndex> Indices => _indices;

    public int OpenPointsInTime => _pits.Count;

    public static (int Status, string Json) Error(int status, string type, string reason) =>
        (status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
                ["type"] = type,
                ["reason"] = reason,
            },
            ["status"] = status,
        }.ToJsonString());

    private static (int, string) Ok(JsonNode body) => (200, body.ToJsonString());

    public (int, string) PutTemplate(string name, JsonNode body)
    {
        _templates[name] = body.AsObject();
        return Ok(new JsonObject { ["acknowledged"] = true });
    }

    /// <summary>Creates an index with the mappings of the body, else of the matching template (as the server does).</summary>
    public (int, string) CreateIndex(string name, JsonNode? body)
    {
        if (_indices.ContainsKey(name))
            return Error(400, "resource_already_exists_exception", $"index [{name}/{Guid.NewGuid():N}] already exists");
        _indices[name] = new FakeIndex(name, body?["mappings"]?.AsObject() ?? TemplateMappings(name));
        return Ok(new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = name });
    }

    private JsonObject? TemplateMappings(string index) =>
        _templates.Values.FirstOrDefault(t => Patterns(t["index_patterns"]!).Any(p => Matches(p, index)))?["template"]?["mappings"]?.AsObject();

    /// <summary>index_patterns: one string or an array of them.</summary>
    private static IEnumerable<string> Patterns(JsonNode node) =>
        node is JsonArray array ? array.Select(p => p!.GetValue<string>()) : node.GetValue<string>().Split(',');

    private static bool Matches(string pattern, string index) =>
        pattern.EndsWith('*') ? index.StartsWith(pattern[..^1], StringComparison.Ordinal) : index == pattern;

    public (int, string) DeleteIndex(string name) =>
        _indices.Remove(name) ? Ok(new JsonObject { ["acknowledged"] = true }) : Error(404, "index_not_found_exception", $"no such index [{name}]");

    public (int, string) DeleteAll(string name)
    {
        if (!_indices.TryGetValue(name, out var index))
            return Error(404, "index_not_found_exception", $"no such index [{name}]");
        var deleted = index.Documents.Count;
        index.Documents.Clear();
        return Ok(new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false, ["total"] = deleted, ["deleted"] = deleted, ["batches"] = 1, ["version_conflicts"] = 0, ["noops"] = 0,
            ["retries"] = new JsonObject { ["bulk"] = 0, ["search"] = 0 }, ["throttled_millis"] = 0, ["requests_per_second"] = -1.0,
            ["throttled_until_millis"] = 0, ["failures"] = new JsonArray(),
        });
    }

    /// <summary>_bulk: NDJSON action/source pairs; one item per action, in order, each with its own status (an index is created on first write).</summary>
    public (int, string) Bulk(string? defaultIndex, string ndjson, string query, List<string> busy)
    {
        if (!ndjson.EndsWith('\n'))
            return Error(400, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]");
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var action = JsonNode.Parse(lines[i])!["index"] ?? throw new InvalidOperationException("fake serves index actions only: " + lines[i]);
            var indexName = action["_index"]?.GetValue<string>() ?? defaultIndex!;
            var id = action["_id"]!.GetValue<string>();
            if (!_indices.ContainsKey(indexName))
                CreateIndex(indexName, null);
            var index = _indices[indexName];
            var item = new JsonObject { ["_index"] = indexName, ["_id"] = id };
            string? refusal = null;
            int status;
            if (busy.Remove(id))
            {
                status = 429;
                refusal = "es_rejected_execution_exception|rejected execution of coordinating operation [shard_detail=[" + indexName + "][0]]";
            }
            else if (index.Refusal(JsonNode.Parse(lines[i + 1])!.AsObject()) is { } reason)
            {
                status = 400;
                refusal = reason;
            }
            else
            {
                var created = index.Put(id, JsonNode.Parse(lines[i + 1])!.AsObject());
                status = created ? 201 : 200;
                item["_version"] = index.Version(id);
                item["result"] = created ? "created" : "updated";
                item["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 };
                item["_seq_no"] = index.Version(id) - 1;
                item["_primary_term"] = 1;
            }
            item["status"] = status;
            if (refusal is not null)
            {
                errors = true;
                var parts = refusal.Split('|', 2);
                item["error"] = new JsonObject { ["type"] = parts[0], ["reason"] = parts[1] };
            }
            items.Add(new JsonObject { ["index"] = item });
        }
        _ = query;
        return Ok(new JsonObject { ["errors"] = errors, ["took"] = 1, ["items"] = items });
    }

    public (int, string) OpenPointInTime(string index)
    {
        if (!_indices.TryGetValue(index, out var source))
            return Error(404, "index_not_found_exception", $"no such index [{index}]");
        var id = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        _pits[id] = (index, new Dictionary<string, JsonObject>(source.Documents, StringComparer.Ordinal));
        return Ok(new JsonObject { ["id"] = id, ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 } });
    }

    public (int, string) ClosePointInTime(string id) =>
        Ok(new JsonObject { ["succeeded"] = true, ["num_freed"] = _pits.Remove(id) ? 1 : 0 });

    public (int, string) Search(string? indexName, JsonNode? body, string query)
    {
        body ??= new JsonObject();
        string? pitId = null;
        FakeIndex index;
        IReadOnlyDictionary<string, JsonObject> documents;
        if (body["pit"] is { } pit)
        {
            if (indexName is not null)
                return Error(400, "action_request_validation_exception", "Validation Failed: 1: [indices] cannot be used with point in time;");
            pitId = pit["id"]!.GetValue<string>();
            if (!_pits.TryGetValue(pitId, out var snapshot))
                return Error(404, "search_context_missing_exception", $"No search context found for id [{pitId}]");
            index = _indices[snapshot.Index];
            documents = snapshot.Documents;
        }
        else
        {
            if (indexName is null || !_indices.TryGetValue(indexName, out index!))
                return Error(404, "index_not_found_exception", $"no such index [{indexName}]");
            documents = index.Documents;
        }
        var search = new FakeSearch(index, body, pitId is not null);
        var response = search.Run(documents, typedKeys: query.Contains("typed_keys=true", StringComparison.Ordinal));
        if (pitId is not null)
            response["pit_id"] = pitId;
        return Ok(response);
    }
}

/// <summary>One index: its mapping (field path → type) and its documents (with a version each).</summary>
public sealed class FakeIndex(string name, JsonObject? mappings)
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public JsonObject? Mappings { get; } = mappings;

    public Dictionary<string, JsonObject> Documents { get; } = new(StringComparer.Ordinal);

    public bool Put(string id, JsonObject source)
    {
        var created = !Documents.ContainsKey(id);
        Documents[id] = source;
        _versions[id] = _versions.GetValueOrDefault(id) + 1;
        return created;
    }

    public long Version(string id) => _versions[id];

    /// <summary>The field's mapped type ("keyword", "date", "nested", …), or null when the mapping does not name it.</summary>
    public string? TypeOf(string path)
    {
        JsonNode? node = Mappings;
        foreach (var part in path.Split('.'))
            node = node?["properties"]?[part];
        return node is null ? null : node["type"]?.GetValue<string>() ?? "object";
    }

    /// <summary>Why a strict mapping refuses the document ("type|reason"), or null when it fits.</summary>
    public string? Refusal(JsonObject source) => Mappings?["dynamic"]?.GetValue<string>() == "strict" ? Refusal(source, "", "_doc") : null;

    private string? Refusal(JsonObject obj, string prefix, string parent)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix + key;
            var type = TypeOf(path);
            if (type is null)
                return $"strict_dynamic_mapping_exception|[1:2] mapping set to strict, dynamic introduction of [{key}] within [{parent}] is not allowed";
            if (value is null)
                continue;
            var children = type is "object" or "nested" ? (value is JsonArray array ? array.OfType<JsonObject>() : [value.AsObject()]) : [];
            foreach (var child in children)
            {
                if (Refusal(child, path + ".", key) is { } inner)
                    return inner;
            }
            if (type is "integer" or "float" or "long" && value is JsonValue v && v.GetValueKind() != JsonValueKind.Number)
                return $"document_parsing_exception|[1:2] failed to parse field [{path}] of type [{type}] in document";
            if (type == "date" && value is JsonValue d && d.GetValueKind() == JsonValueKind.String
                && !DateTimeOffset.TryParse(d.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return $"document_parsing_exception|[1:2] failed to parse field [{path}] of type [date] in document";
        }
        return null;
    }
}
