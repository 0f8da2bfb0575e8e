using System.Runtime.CompilerServices;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport.Products.Elasticsearch;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// The index on an Elasticsearch 9.x cluster through the official client (Elastic.Clients.Elasticsearch): one
/// document per call (<see cref="CallSource"/>, mapped by <see cref="ElasticsearchMapping"/>), keyset pages with
/// <c>search_after</c>, a point in time for walks through every result, and the dashboards' aggregations.
/// </summary>
public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchOptions options, SearchTokens tokens, bool refreshOnWrite = false,
    Func<TimeSpan, CancellationToken, Task>? delay = null) : ICallSearchIndex
{
    private const int MaxPageSize = 500;
    private const string AggregationName = "a";
    private static readonly Duration PointInTimeKeepAlive = "2m";

    private readonly ElasticsearchBulkWriter _bulk = new(client, options.Display, delay);

    public string IndexName => options.IndexPrefix + "calls";

    public string TemplateName => options.IndexPrefix + "calls-template";

    public string Description => $"Elasticsearch {options.Display} (index {IndexName})";

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        Check(await client.Indices.PutIndexTemplateAsync(ElasticsearchMapping.Template(TemplateName, IndexName), cancellationToken).ConfigureAwait(false));
        var created = await client.Indices.CreateAsync(IndexName, cancellationToken).ConfigureAwait(false);
        if (!created.IsValidResponse && created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
            Check(created);
    }

    public async Task DeleteIndexAsync(CancellationToken cancellationToken)
    {
        var deleted = await client.Indices.DeleteAsync(IndexName, cancellationToken).ConfigureAwait(false);
        if (!deleted.IsValidResponse && deleted.ApiCallDetails.HttpStatusCode != 404)
            Check(deleted);
    }

    public async Task IndexAsync(IReadOnlyList<CallDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var batch in documents.Chunk(1000))
            await _bulk.WriteAsync(IndexName, [.. batch.Select(CallSource.From)], refreshOnWrite, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(CancellationToken cancellationToken) =>
        Check(await client.DeleteByQueryAsync(new DeleteByQueryRequest(IndexName)
        {
            Query = new MatchAllQuery(), Conflicts = Conflicts.Proceed, Refresh = refreshOnWrite ? true : null,
        }, cancellationToken).ConfigureAwait(false));

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = QueryText.Clauses(query.Text, tokens);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var request = new SearchRequest(IndexName)
        {
            Size = size + 1, // one more than the page, to know whether there is a next one
            TrackTotalHits = new TrackHits(true),
            Query = ElasticsearchQuery.Bool(query, clauses, innerHits: true),
            Sort = ElasticsearchQuery.Sort(query.Sort),
            SearchAfter = query.After is { } after ? ElasticsearchQuery.SearchAfter(SearchCursor.Decode(after), query.Sort) : null,
        };
        var response = Check(await client.SearchAsync<CallSource>(request, cancellationToken).ConfigureAwait(false));
        var hits = new List<SearchHit>();
        foreach (var hit in response.Hits.Take(size))
        {
            var call = hit.Source!.ToDocument();
            // Which segments matched comes from the nested inner hits; the text is highlighted by the same code as the embedded index.
            var matched = ElasticsearchQuery.MatchedSegments(hit);
            hits.Add(new SearchHit(call, [.. QueryText.Snippets(call, query, clauses).Where(s => matched.Count == 0 || matched.Contains(s.Segment))]));
        }
        var next = response.Hits.Count > size ? SearchCursor.Of(hits[^1].Call, query.Sort).Encode() : null;
        return new SearchPage(response.Total, hits, next);
    }

    /// <summary>
    /// Every matching call in the query's order, read through a point in time: calls re-indexed while the walk goes on
    /// are neither skipped nor seen twice, however long the walk takes.
    /// </summary>
    public async IAsyncEnumerable<CallDocument> ScanAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var opened = Check(await client.OpenPointInTimeAsync(new OpenPointInTimeRequest(IndexName) { KeepAlive = PointInTimeKeepAlive }, cancellationToken)
            .ConfigureAwait(false));
        var pitId = opened.Id;
        try
        {
            var filter = ElasticsearchQuery.Bool(query, QueryText.Clauses(query.Text, tokens), innerHits: false);
            ICollection<FieldValue>? after = null;
            while (true)
            {
                var response = Check(await client.SearchAsync<CallSource>(new SearchRequest
                {
                    Pit = new PointInTimeReference(pitId) { KeepAlive = PointInTimeKeepAlive },
                    Size = MaxPageSize,
                    TrackTotalHits = new TrackHits(false),
                    Query = filter,
                    Sort = ElasticsearchQuery.Sort(query.Sort),
                    SearchAfter = after,
                }, cancellationToken).ConfigureAwait(false));
                pitId = response.PitId ?? pitId;
                foreach (var hit in response.Hits)
                    yield return hit.Source!.ToDocument();
                if (response.Hits.Count < MaxPageSize)
                    yield break; // a short page is the last one
                after = [.. response.Hits.Last().Sort!];
            }
        }
        finally
        {
            // Closing frees the cluster's resources now instead of after the keep-alive; a failure to close is harmless.
            await client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pitId }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<Bucket>> AggregateAsync(SearchQuery filter, Aggregation aggregation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(aggregation);
        Elastic.Clients.Elasticsearch.Aggregations.Aggregation request = aggregation switch
        {
            Aggregation.Terms terms => new TermsAggregation { Field = ElasticsearchMapping.Field(terms.Field), Size = terms.Size },
            Aggregation.DateHistogram histogram => new DateHistogramAggregation
            {
                Field = "started_at",
                CalendarInterval = histogram.Interval switch
                {
                    CalendarInterval.Week => Elastic.Clients.Elasticsearch.Aggregations.CalendarInterval.Week,
                    CalendarInterval.Month => Elastic.Clients.Elasticsearch.Aggregations.CalendarInterval.Month,
                    _ => Elastic.Clients.Elasticsearch.Aggregations.CalendarInterval.Day,
                },
                TimeZone = "+08:00", // the dashboards' days, weeks and months are China Standard Time
                Format = "yyyy-MM-dd",
                MinDocCount = 1,
            },
            Aggregation.Filters filters => new FiltersAggregation
            {
                // The client always sends "keyed": false and reads the buckets as an array, each with its name as key.
                Filters = new Buckets<Query>(filters.Named.ToDictionary(n => n.Key, n =>
                {
                    var merged = SearchQueryMerge.Merge(filter, n.Value);
                    return ElasticsearchQuery.Bool(merged, QueryText.Clauses(merged.Text, tokens), innerHits: false);
                })),
            },
            _ => throw new ArgumentException($"unknown aggregation {aggregation}", nameof(aggregation)),
        };
        var response = Check(await client.SearchAsync<CallSource>(new SearchRequest(IndexName)
        {
            Size = 0,
            // Named filters carry the filter themselves (merged with each name's query); the others filter the calls.
            Query = aggregation is Aggregation.Filters ? new MatchAllQuery() : ElasticsearchQuery.Bool(filter, QueryText.Clauses(filter.Text, tokens), innerHits: false),
            Aggregations = new Dictionary<string, Elastic.Clients.Elasticsearch.Aggregations.Aggregation> { [AggregationName] = request },
        }, cancellationToken).ConfigureAwait(false));
        var aggregations = response.Aggregations ?? throw new ElasticsearchException(500, $"Elasticsearch answered without aggregations ({Description})");
        return aggregation switch
        {
            Aggregation.Terms => [.. (aggregations.GetStringTerms(AggregationName)?.Buckets ?? []).Select(b => new Bucket(b.Key.ToString(), b.DocCount))],
            Aggregation.DateHistogram => [.. (aggregations.GetDateHistogram(AggregationName)?.Buckets ?? []).Select(b => new Bucket(b.KeyAsString ?? b.Key.ToString("yyyy-MM-dd"), b.DocCount))],
            _ => [.. (aggregations.GetFilters(AggregationName)?.Buckets ?? []).Select(b => new Bucket(b.Key ?? "", b.DocCount))],
        };
    }

    private T Check<T>(T response) where T : ElasticsearchResponse => ElasticsearchResponses.EnsureValid(response, options.Display);
}
