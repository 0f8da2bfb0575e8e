using System.Text.Json.Nodes;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>Query DSL for a <see cref="SearchQuery"/>: a bool filter of terms/ranges and one nested phrase query per text clause.</summary>
public static class ElasticsearchQuery
{
    public static JsonObject Bool(SearchQuery q, IReadOnlyList<QueryClause> clauses, bool innerHits)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(clauses);
        var filter = new JsonArray();
        void Terms(string field, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
                filter.Add(new JsonObject { ["terms"] = new JsonObject { [field] = new JsonArray([.. values.Select(v => (JsonNode)v)]) } });
        }
        Terms("agent_id", q.Agents);
        Terms("team", q.Teams);
        Terms("region", q.Regions);
        Terms("category", q.Categories);
        Terms("hits.rule", q.Rules);
        if (q.Severity is { } severity)
            filter.Add(new JsonObject { ["term"] = new JsonObject { ["hits.severity"] = severity } });
        if (q.ScoreMin is not null || q.ScoreMax is not null)
        {
            var range = new JsonObject();
            if (q.ScoreMin is { } min)
                range["gte"] = min;
            if (q.ScoreMax is { } max)
                range["lte"] = max;
            filter.Add(new JsonObject { ["range"] = new JsonObject { ["score"] = range } });
        }
        if (q.From is not null || q.To is not null)
        {
            var range = new JsonObject { ["format"] = "epoch_millis" };
            if (q.From is { } from)
                range["gte"] = from.ToUnixTimeMilliseconds();
            if (q.To is { } to)
                range["lt"] = to.ToUnixTimeMilliseconds();
            filter.Add(new JsonObject { ["range"] = new JsonObject { ["started_at"] = range } });
        }
        for (var k = 0; k < clauses.Count; k++)
        {
            var segment = new JsonArray { new JsonObject
            {
                ["match_phrase"] = q.WholeWords
                    ? new JsonObject { ["segments.tokens"] = string.Join(' ', clauses[k].Words) }
                    : new JsonObject { ["segments.chars"] = string.Join(' ', clauses[k].Chars) },
            } };
            if (q.Speaker is { } speaker)
                segment.Add(new JsonObject { ["term"] = new JsonObject { ["segments.speaker"] = speaker } });
            if (q.FirstSeconds is { } first)
                segment.Add(new JsonObject { ["range"] = new JsonObject { ["segments.start"] = new JsonObject { ["lte"] = first } } });
            if (q.LastSeconds is { } last)
                segment.Add(new JsonObject { ["range"] = new JsonObject { ["segments.to_end"] = new JsonObject { ["lte"] = last } } });
            var nested = new JsonObject { ["path"] = "segments", ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = segment } } };
            if (innerHits)
            {
                nested["inner_hits"] = new JsonObject
                {
                    ["name"] = $"clause{k}", ["size"] = 3, ["_source"] = false,
                    ["highlight"] = new JsonObject
                    {
                        ["pre_tags"] = new JsonArray("【"), ["post_tags"] = new JsonArray("】"),
                        ["fields"] = new JsonObject { [q.WholeWords ? "segments.tokens" : "segments.chars"] = new JsonObject() },
                    },
                };
            }
            filter.Add(new JsonObject { ["nested"] = nested });
        }
        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } };
    }

    public static JsonArray Sort(SearchSort sort)
    {
        JsonObject By(string field, string order) => new() { [field] = new JsonObject { ["order"] = order } };
        return sort switch
        {
            SearchSort.Oldest => [By("started_at", "asc"), By("call_id", "asc")],
            SearchSort.ScoreAscending => [By("sort_score", "asc"), By("started_at", "asc"), By("call_id", "asc")],
            SearchSort.ScoreDescending => [By("sort_score", "desc"), By("started_at", "desc"), By("call_id", "desc")],
            _ => [By("started_at", "desc"), By("call_id", "desc")],
        };
    }

    /// <summary>The sort values of the cursor's call, in the order of <see cref="Sort"/> (dates as epoch milliseconds).</summary>
    public static JsonArray SearchAfter(SearchCursor cursor, SearchSort sort)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return sort is SearchSort.ScoreAscending or SearchSort.ScoreDescending
            ? [cursor.SortValue, cursor.StartedAtMs, cursor.CallId]
            : [cursor.StartedAtMs, cursor.CallId];
    }

    /// <summary>The segment offsets the nested inner hits of a hit report (which segments matched).</summary>
    public static HashSet<int> MatchedSegments(JsonNode hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var offsets = new HashSet<int>();
        if (hit["inner_hits"] is JsonObject inner)
        {
            foreach (var (_, clause) in inner)
            {
                foreach (var h in clause?["hits"]?["hits"]?.AsArray() ?? [])
                {
                    if (h?["_nested"]?["offset"] is { } offset)
                        offsets.Add(offset.GetValue<int>());
                }
            }
        }
        return offsets;
    }
}
