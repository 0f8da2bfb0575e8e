using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpeechQa.Tests.Search.FakeElasticsearch;

/// <summary>
/// One _search evaluated as the reference documentation describes it, for the DSL the product sends: bool
/// (filter/must/must_not/should), term, terms, range (numbers and dates), match_phrase on whitespace-analyzed text,
/// match_all, nested with inner_hits; field sort with search_after (and the implicit _shard_doc tiebreaker of a point
/// in time); track_total_hits; terms, date_histogram and filters aggregations.
/// </summary>
public sealed class FakeSearch(FakeIndex index, JsonNode body, bool pointInTime)
{
    private sealed record Match(string Id, JsonObject Source, int Ordinal, Dictionary<string, List<int>> InnerHits);

    public JsonObject Run(IReadOnlyDictionary<string, JsonObject> documents, bool typedKeys)
    {
        var query = body["query"] ?? new JsonObject { ["match_all"] = new JsonObject() };
        var matches = new List<Match>();
        var ordinal = 0;
        foreach (var (id, source) in documents)
        {
            var inner = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            if (Evaluate(query, source, "", inner))
                matches.Add(new Match(id, source, ordinal, inner));
            ordinal++;
        }
        var sort = (body["sort"]?.AsArray() ?? []).Select(s => s!.AsObject().Single()).Select(s => (Field: s.Key, Descending: s.Value?["order"]?.GetValue<string>() == "desc")).ToList();
        List<JsonNode?> Key(Match m)
        {
            var key = sort.Select(s => (JsonNode?)SortValue(m.Source, s.Field)).ToList();
            if (pointInTime)
                key.Add(JsonValue.Create((long)m.Ordinal));
            return key;
        }
        int Compare(List<JsonNode?> a, List<JsonNode?> b)
        {
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var c = CompareValues(a[i], b[i]);
                if (c != 0)
                    return i < sort.Count && sort[i].Descending ? -c : c;
            }
            return 0;
        }
        var ordered = matches.Select(m => (Match: m, Key: Key(m))).ToList();
        ordered.Sort((x, y) => Compare(x.Key, y.Key));
        if (body["search_after"] is JsonArray after)
        {
            var afterKey = after.Select(v => v?.DeepClone()).ToList();
            ordered = [.. ordered.Where(o => Compare(o.Key, afterKey) > 0)];
        }
        var total = matches.Count;
        var size = body["size"]?.GetValue<int>() ?? 10;
        var hits = new JsonArray();
        foreach (var (match, key) in ordered.Take(size))
        {
            var hit = new JsonObject
            {
                ["_index"] = index.Name, ["_id"] = match.Id, ["_score"] = null, ["_source"] = match.Source.DeepClone(),
                ["sort"] = new JsonArray([.. key.Select(k => k?.DeepClone())]),
            };
            if (match.InnerHits.Count > 0)
            {
                hit["inner_hits"] = new JsonObject(match.InnerHits.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonObject
                {
                    ["hits"] = new JsonObject
                    {
                        ["total"] = new JsonObject { ["value"] = h.Value.Count, ["relation"] = "eq" },
                        ["max_score"] = null,
                        ["hits"] = new JsonArray([.. h.Value.Take(InnerHitsSize(h.Key)).Select(offset => (JsonNode)new JsonObject
                        {
                            ["_index"] = index.Name, ["_id"] = match.Id,
                            ["_nested"] = new JsonObject { ["field"] = "segments", ["offset"] = offset },
                            ["_score"] = null,
                        })]),
                    },
                })));
            }
            hits.Add(hit);
        }
        var hitsObject = new JsonObject { ["max_score"] = null, ["hits"] = hits };
        var track = body["track_total_hits"];
        if (track is null)
            hitsObject["total"] = new JsonObject { ["value"] = Math.Min(total, 10_000), ["relation"] = total > 10_000 ? "gte" : "eq" };
        else if (track.GetValueKind() != JsonValueKind.False)
            hitsObject["total"] = new JsonObject { ["value"] = total, ["relation"] = "eq" };
        var response = new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = hitsObject,
        };
        if ((body["aggs"] ?? body["aggregations"]) is JsonObject aggs)
            response["aggregations"] = new JsonObject(aggs.Select(a => Aggregate(a.Key, a.Value!.AsObject(), matches.Select(m => m.Source).ToList(), typedKeys)));
        return response;
    }

    private int InnerHitsSize(string name) => FindInnerHits(body["query"], name)?["size"]?.GetValue<int>() ?? 3;

    private static JsonNode? FindInnerHits(JsonNode? node, string name) => node switch
    {
        JsonObject o when o["inner_hits"] is JsonObject ih && (ih["name"]?.GetValue<string>() ?? o["path"]?.GetValue<string>()) == name => ih,
        JsonObject o => o.Select(p => FindInnerHits(p.Value, name)).FirstOrDefault(n => n is not null),
        JsonArray a => a.Select(n => FindInnerHits(n, name)).FirstOrDefault(n => n is not null),
        _ => null,
    };

    // ---- queries --------------------------------------------------------------------------------------------

    /// <summary>Whether the query matches the object; <paramref name="scope"/> is the nested path the object sits at ("" for the document).</summary>
    private bool Evaluate(JsonNode query, JsonObject obj, string scope, Dictionary<string, List<int>>? innerHits)
    {
        var (kind, spec) = query.AsObject().Single();
        switch (kind)
        {
            case "match_all":
                return true;
            case "bool":
                var all = Clauses(spec, "filter").Concat(Clauses(spec, "must")).ToList();
                var should = Clauses(spec, "should").ToList();
                return all.All(q => Evaluate(q, obj, scope, innerHits))
                    && !Clauses(spec, "must_not").Any(q => Evaluate(q, obj, scope, null))
                    && (should.Count == 0 || all.Count > 0 || should.Any(q => Evaluate(q, obj, scope, innerHits)));
            case "term":
            {
                var (field, value) = spec!.AsObject().Single();
                var wanted = value is JsonObject o ? o["value"] : value;
                return Values(obj, scope, field).Any(v => CompareValues(v, wanted) == 0);
            }
            case "terms":
            {
                var (field, values) = spec!.AsObject().Single();
                return Values(obj, scope, field).Any(v => values!.AsArray().Any(w => CompareValues(v, w) == 0));
            }
            case "range":
            {
                var (field, bounds) = spec!.AsObject().Single();
                var isDate = index.TypeOf(field) == "date";
                double? Bound(string name) => bounds![name] is { } b ? Number(b, isDate) : null;
                var (gte, gt, lte, lt) = (Bound("gte"), Bound("gt"), Bound("lte"), Bound("lt"));
                return Values(obj, scope, field).Select(v => Number(v!, isDate)).Any(x =>
                    (gte is null || x >= gte) && (gt is null || x > gt) && (lte is null || x <= lte) && (lt is null || x < lt));
            }
            case "match_phrase":
            {
                var (field, value) = spec!.AsObject().Single();
                var phrase = Whitespace(value is JsonObject o ? o["query"]!.GetValue<string>() : value!.GetValue<string>());
                var slop = value is JsonObject s ? s["slop"]?.GetValue<int>() ?? 0 : 0;
                if (slop != 0)
                    throw new NotSupportedException("the fake evaluates match_phrase with slop 0 only");
                return phrase.Length > 0 && Values(obj, scope, field).Any(v => ContainsPhrase(Whitespace(v!.GetValue<string>()), phrase));
            }
            case "nested":
            {
                var path = spec!["path"]!.GetValue<string>();
                var relative = scope.Length == 0 ? path : path[(scope.Length + 1)..];
                var children = obj[relative] is JsonArray array ? array.ToList() : obj[relative] is JsonObject single ? [single] : [];
                var matched = new List<int>();
                for (var i = 0; i < children.Count; i++)
                {
                    if (children[i] is JsonObject child && Evaluate(spec["query"]!, child, path, null))
                        matched.Add(i);
                }
                if (matched.Count > 0 && innerHits is not null && spec["inner_hits"] is JsonObject ih)
                    innerHits[ih["name"]?.GetValue<string>() ?? path] = matched;
                return matched.Count > 0;
            }
            default:
                throw new NotSupportedException($"the fake does not evaluate '{kind}' queries");
        }
    }

    private static IEnumerable<JsonNode> Clauses(JsonNode? spec, string occur) => spec?[occur] switch
    {
        JsonArray array => array.Select(q => q!),
        JsonObject single => [single],
        _ => [],
    };

    /// <summary>The values of a field for an object at a nested scope; nested fields are invisible outside their scope, as in Lucene.</summary>
    private IEnumerable<JsonNode?> Values(JsonObject obj, string scope, string field)
    {
        if (scope.Length > 0 && !field.StartsWith(scope + ".", StringComparison.Ordinal))
            return [];
        var relative = scope.Length == 0 ? field : field[(scope.Length + 1)..];
        var parts = relative.Split('.');
        for (var i = 1; i < parts.Length; i++)
        {
            if (index.TypeOf(string.Join('.', parts[..i]).Insert(0, scope.Length == 0 ? "" : scope + ".")) == "nested")
                return [];
        }
        IEnumerable<JsonNode?> nodes = [obj];
        foreach (var part in parts)
            nodes = nodes.SelectMany(n => n?[part] is JsonArray a ? a.AsEnumerable() : [n?[part]]).Where(n => n is not null);
        return nodes.SelectMany(n => n is JsonArray a ? a.AsEnumerable() : [n]);
    }

    private static string[] Whitespace(string text) => text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static bool ContainsPhrase(string[] tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Length; i++)
        {
            if (tokens.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                return true;
        }
        return false;
    }

    /// <summary>A JSON number as a double, whichever CLR type the node holds (parsed, or created from a long).</summary>
    private static double AsDouble(JsonNode value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static double Number(JsonNode value, bool isDate)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
            return AsDouble(value);
        var text = value.GetValue<string>();
        if (isDate && !long.TryParse(text, out _))
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        return double.Parse(text, CultureInfo.InvariantCulture);
    }

    // ---- sorting --------------------------------------------------------------------------------------------

    private JsonValue? SortValue(JsonObject source, string field)
    {
        var value = Values(source, "", field).FirstOrDefault();
        if (value is null)
            return null;
        return index.TypeOf(field) switch
        {
            "date" => JsonValue.Create((long)Number(value, isDate: true)),
            "integer" or "long" => JsonValue.Create((long)AsDouble(value)),
            "float" => JsonValue.Create(AsDouble(value)),
            "boolean" => JsonValue.Create(value.GetValue<bool>() ? 1L : 0L),
            _ => JsonValue.Create(value.GetValue<string>()),
        };
    }

    /// <summary>Orders two field values: numbers numerically, strings by UTF-16 code units (keyword order for these texts), missing last.</summary>
    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : 1) : -1;
        var (ka, kb) = (a.GetValueKind(), b.GetValueKind());
        if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
            return AsDouble(a).CompareTo(AsDouble(b));
        if (ka is JsonValueKind.True or JsonValueKind.False || kb is JsonValueKind.True or JsonValueKind.False)
            return string.Compare(a.ToJsonString(), b.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        return string.CompareOrdinal(a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : a.ToJsonString(),
            b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : b.ToJsonString());
    }

    // ---- aggregations ---------------------------------------------------------------------------------------

    private KeyValuePair<string, JsonNode?> Aggregate(string name, JsonObject spec, List<JsonObject> docs, bool typedKeys)
    {
        if (spec["terms"] is JsonObject terms)
        {
            var field = terms["field"]!.GetValue<string>();
            var size = terms["size"]?.GetValue<int>() ?? 10;
            var counts = docs.SelectMany(d => Values(d, "", field).Select(v => v!.GetValue<string>()).Distinct(StringComparer.Ordinal))
                .GroupBy(v => v, StringComparer.Ordinal).Select(g => (Key: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            return KeyValuePair.Create((typedKeys ? "sterms#" : "") + name, (JsonNode?)new JsonObject
            {
                ["doc_count_error_upper_bound"] = 0,
                ["sum_other_doc_count"] = counts.Skip(size).Sum(c => c.Count),
                ["buckets"] = new JsonArray([.. counts.Take(size).Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["doc_count"] = c.Count })]),
            });
        }
        if (spec["date_histogram"] is JsonObject histogram)
        {
            var field = histogram["field"]!.GetValue<string>();
            var zone = TimeSpan.Parse(histogram["time_zone"]?.GetValue<string>().TrimStart('+') ?? "00:00", CultureInfo.InvariantCulture);
            var interval = histogram["calendar_interval"]!.GetValue<string>();
            var format = histogram["format"]?.GetValue<string>() ?? "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
            var minDocCount = histogram["min_doc_count"]?.GetValue<int>() ?? 0;
            var buckets = docs.SelectMany(d => Values(d, "", field).Take(1))
                .Select(v => PeriodStart(DateTimeOffset.FromUnixTimeMilliseconds((long)Number(v!, isDate: true)).ToOffset(zone), interval))
                .GroupBy(start => start).OrderBy(g => g.Key).Where(g => g.Count() >= minDocCount)
                .Select(g => (JsonNode)new JsonObject
                {
                    ["key_as_string"] = format == "yyyy-MM-dd" ? g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : g.Key.ToString("O", CultureInfo.InvariantCulture),
                    ["key"] = g.Key.ToUnixTimeMilliseconds(),
                    ["doc_count"] = g.Count(),
                });
            return KeyValuePair.Create((typedKeys ? "date_histogram#" : "") + name, (JsonNode?)new JsonObject { ["buckets"] = new JsonArray([.. buckets]) });
        }
        if (spec["filters"] is JsonObject filters)
        {
            // Named filters answer an object keyed by name, or with "keyed": false an array of buckets that carry their key.
            var named = filters["filters"]!.AsObject();
            var counts = named.Select(n => (n.Key, Count: docs.Count(d => Evaluate(n.Value!, d, "", null)))).ToList();
            JsonNode buckets = filters["keyed"]?.GetValueKind() == JsonValueKind.False
                ? new JsonArray([.. counts.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["doc_count"] = c.Count })])
                : new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonObject { ["doc_count"] = c.Count })));
            return KeyValuePair.Create((typedKeys ? "filters#" : "") + name, (JsonNode?)new JsonObject { ["buckets"] = buckets });
        }
        throw new NotSupportedException("the fake does not compute aggregation " + spec.ToJsonString());
    }

    private static DateTimeOffset PeriodStart(DateTimeOffset local, string interval)
    {
        var day = new DateTimeOffset(local.Date, local.Offset);
        return interval switch
        {
            "day" or "1d" => day,
            "week" or "1w" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            "month" or "1M" => new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset),
            _ => throw new NotSupportedException("calendar_interval " + interval),
        };
    }
}
