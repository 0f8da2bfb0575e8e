using System.Globalization;
using System.Text.Json.Nodes;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// The index on an Elasticsearch cluster (7.10+/8.x REST). One document per call; segments are <c>nested</c> so that a
/// phrase, its speaker and its time must hold in the same segment (with object arrays "agent" from one segment and
/// the phrase from another would match); hits are a plain object array, since rule and severity never need to be
/// paired (a rule's severity is fixed). Segment tokens are pre-segmented by our jieba and indexed with the built-in
/// <c>whitespace</c> analyzer, so no Chinese analysis plugin is needed.
/// </summary>
public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, SearchTokens tokens, bool refreshOnWrite = false) : ICallSearchIndex
{
    private const int MaxPageSize = 500;

    public string IndexName => client.Options.IndexPrefix + "calls";

    public string TemplateName => client.Options.IndexPrefix + "calls-template";

    public string Description => $"Elasticsearch {client.Options.Display} (index {IndexName})";

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        await client.PutIndexTemplateAsync(TemplateName, ElasticsearchMapping.Template(IndexName), cancellationToken).ConfigureAwait(false);
        await client.CreateIndexAsync(IndexName, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteIndexAsync(CancellationToken cancellationToken) => client.DeleteIndexAsync(IndexName, cancellationToken);

    public async Task IndexAsync(IReadOnlyList<CallDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var batch in documents.Chunk(1000))
        {
            await client.BulkIndexAsync(IndexName, [.. batch.Select(d => (d.CallId, ElasticsearchMapping.ToSource(d).ToJsonString()))], refreshOnWrite, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken) =>
        await client.DeleteAllAsync(IndexName, refreshOnWrite, cancellationToken).ConfigureAwait(false);

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = QueryText.Clauses(query.Text, tokens);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var body = new JsonObject
        {
            ["size"] = size + 1,
            ["track_total_hits"] = true,
            ["query"] = ElasticsearchQuery.Bool(query, clauses, innerHits: true),
            ["sort"] = ElasticsearchQuery.Sort(query.Sort),
        };
        if (query.After is { } after)
            body["search_after"] = ElasticsearchQuery.SearchAfter(SearchCursor.Decode(after), query.Sort);
        var response = await client.SearchAsync(IndexName, body, cancellationToken).ConfigureAwait(false);
        var total = response["hits"]!["total"]!["value"]!.GetValue<long>();
        var raw = response["hits"]!["hits"]!.AsArray();
        var hits = new List<SearchHit>();
        foreach (var hit in raw.Take(size))
        {
            var call = ElasticsearchMapping.FromSource(hit!["_source"]!);
            // Which segments matched comes from the nested inner hits; the text is highlighted by the same code as the embedded index.
            var matched = ElasticsearchQuery.MatchedSegments(hit);
            var snippets = QueryText.Snippets(call, query, clauses).Where(s => matched.Count == 0 || matched.Contains(s.Segment)).ToList();
            hits.Add(new SearchHit(call, snippets));
        }
        var next = raw.Count > size ? SearchCursor.Of(hits[^1].Call, query.Sort).Encode() : null;
        return new SearchPage(total, hits, next);
    }

    public async Task<IReadOnlyList<Bucket>> AggregateAsync(SearchQuery filter, Aggregation aggregation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var aggs = aggregation switch
        {
            Aggregation.Terms terms => new JsonObject { ["terms"] = new JsonObject { ["field"] = ElasticsearchMapping.Field(terms.Field), ["size"] = terms.Size } },
            Aggregation.DateHistogram histogram => new JsonObject
            {
                ["date_histogram"] = new JsonObject
                {
                    ["field"] = "started_at",
                    ["calendar_interval"] = histogram.Interval switch { CalendarInterval.Week => "week", CalendarInterval.Month => "month", _ => "day" },
                    ["time_zone"] = "+08:00",
                    ["format"] = "yyyy-MM-dd",
                    ["min_doc_count"] = 1,
                },
            },
            Aggregation.Filters filters => new JsonObject
            {
                ["filters"] = new JsonObject
                {
                    ["filters"] = new JsonObject(filters.Named.Select(n =>
                    {
                        var merged = SearchQueryMerge.Merge(filter, n.Value);
                        return KeyValuePair.Create(n.Key, (JsonNode?)ElasticsearchQuery.Bool(merged, QueryText.Clauses(merged.Text, tokens), innerHits: false));
                    })),
                },
            },
            _ => throw new ArgumentException($"unknown aggregation {aggregation}", nameof(aggregation)),
        };
        var body = new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = true,
            ["query"] = aggregation is Aggregation.Filters ? new JsonObject { ["match_all"] = new JsonObject() } : ElasticsearchQuery.Bool(filter, QueryText.Clauses(filter.Text, tokens), innerHits: false),
            ["aggs"] = new JsonObject { ["a"] = aggs },
        };
        var response = await client.SearchAsync(IndexName, body, cancellationToken).ConfigureAwait(false);
        var result = response["aggregations"]!["a"]!["buckets"]!;
        if (result is JsonObject named)
            return [.. named.Select(b => new Bucket(b.Key, b.Value!["doc_count"]!.GetValue<long>()))];
        return [.. result.AsArray().Select(b => new Bucket(
            (b!["key_as_string"] ?? b["key"])!.ToString(), b["doc_count"]!.GetValue<long>()))];
    }
}
