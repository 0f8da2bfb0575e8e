using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpeechQa.Search;
using SpeechQa.Search.Elasticsearch;
using SpeechQa.Search.Synthetic;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The Elasticsearch backend's requests and its handling of responses, checked against the shapes in the REST
/// documentation (index template, _bulk NDJSON with per-item results, 429 backoff, _search with nested phrase
/// queries, search_after and aggregations). No cluster is available here; with SPEECHQA_ES_URL set the query suite
/// also runs against a real one.
/// </summary>
public sealed class ElasticsearchRestTests
{
    private static readonly ElasticsearchOptions Options = new(new Uri("http://es.test:9200/"), "qa-", Username: "elastic", Password: "s3cret");

    private static readonly CallDocument[] Calls = [.. SyntheticCallDocuments.Generate(3, seed: 5, SearchBackends.Tokens)];

    private static (ElasticsearchSearchIndex Index, ScriptedElasticsearch Server, List<TimeSpan> Delays) Create()
    {
        var server = new ScriptedElasticsearch();
        var delays = new List<TimeSpan>();
        var client = new ElasticsearchClient(new HttpClient(server), Options, (d, _) => { delays.Add(d); return Task.CompletedTask; });
        return (new ElasticsearchSearchIndex(client, SearchBackends.Tokens), server, delays);
    }

    [Fact]
    public async Task Ensure_ready_puts_a_strict_template_with_nested_whitespace_segments_then_creates_the_index()
    {
        var (index, server, _) = Create();
        server.Then(HttpStatusCode.OK, """{"acknowledged":true}""")
            .Then(HttpStatusCode.BadRequest, """{"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [qa-calls/abc] already exists"}],"type":"resource_already_exists_exception","reason":"index [qa-calls/abc] already exists"},"status":400}""");
        await index.EnsureReadyAsync(CancellationToken.None);
        Assert.Equal((HttpMethod.Put, "/_index_template/qa-calls-template"), (server.Requests[0].Method, server.Requests[0].Path));
        var template = JsonNode.Parse(server.Requests[0].Body)!;
        Assert.Equal("qa-calls*", template["index_patterns"]![0]!.GetValue<string>());
        var mappings = template["template"]!["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        Assert.Equal("nested", mappings["properties"]!["segments"]!["type"]!.GetValue<string>());
        Assert.Equal("whitespace", mappings["properties"]!["segments"]!["properties"]!["tokens"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("whitespace", mappings["properties"]!["segments"]!["properties"]!["chars"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", mappings["properties"]!["hits"]!["properties"]!["rule"]!["type"]!.GetValue<string>());
        Assert.Equal((HttpMethod.Put, "/qa-calls"), (server.Requests[1].Method, server.Requests[1].Path));
        Assert.StartsWith("Basic ", server.Requests[0].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_is_ndjson_retries_only_busy_items_with_backoff_and_reports_refused_ones_by_call_id()
    {
        var (index, server, delays) = Create();
        server.Then(HttpStatusCode.OK, $$$$$"""
            {"took":30,"errors":true,"items":[
              {"index":{"_index":"qa-calls","_id":"{{{{{Calls[0].CallId}}}}}","_version":1,"result":"created","status":201}},
              {"index":{"_index":"qa-calls","_id":"{{{{{Calls[1].CallId}}}}}","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}}},
              {"index":{"_index":"qa-calls","_id":"{{{{{Calls[2].CallId}}}}}","status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse field [score] of type [integer]"}}}]}
            """)
            .Then(HttpStatusCode.OK, $$$$$"""{"took":3,"errors":false,"items":[{"index":{"_index":"qa-calls","_id":"{{{{{Calls[1].CallId}}}}}","result":"created","status":201}}]}""");
        var e = await Assert.ThrowsAsync<ElasticsearchBulkException>(() => index.IndexAsync(Calls, CancellationToken.None));

        var first = server.Requests[0];
        Assert.Equal(("/_bulk", "application/x-ndjson"), (first.Path, first.ContentType));
        Assert.EndsWith("\n", first.Body, StringComparison.Ordinal);
        var lines = first.Body.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        for (var i = 0; i < 3; i++)
        {
            var action = JsonNode.Parse(lines[2 * i])!["index"]!;
            Assert.Equal(("qa-calls", Calls[i].CallId), (action["_index"]!.GetValue<string>(), action["_id"]!.GetValue<string>()));
            var source = JsonNode.Parse(lines[2 * i + 1])!;
            Assert.Equal(Calls[i].CallId, source["call_id"]!.GetValue<string>());
            Assert.Equal(string.Join(' ', Calls[i].Segments[0].Tokens), source["segments"]![0]!["tokens"]!.GetValue<string>());
        }
        var retry = server.Requests[1].Body.TrimEnd('\n').Split('\n');
        Assert.Equal(2, retry.Length); // only the item that got 429
        Assert.Equal(Calls[1].CallId, JsonNode.Parse(retry[0])!["index"]!["_id"]!.GetValue<string>());
        Assert.Equal([TimeSpan.FromMilliseconds(500)], delays);
        var failure = Assert.Single(e.Failures);
        Assert.Equal((Calls[2].CallId, 400), (failure.Id, failure.Status));
        Assert.Contains("mapper_parsing_exception", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_request_answered_429_is_sent_again_with_doubling_backoff()
    {
        var (index, server, delays) = Create();
        const string busy = """{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected"}],"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}""";
        server.Then(HttpStatusCode.TooManyRequests, busy).Then(HttpStatusCode.TooManyRequests, busy)
            .Then(HttpStatusCode.OK, """{"took":3,"errors":false,"items":[]}""");
        await index.IndexAsync([Calls[0]], CancellationToken.None);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)], delays);
    }

    [Fact]
    public async Task Search_sends_bool_filters_nested_phrases_sort_and_search_after_and_reads_hits_cursor_and_snippets()
    {
        var (index, server, _) = Create();
        var call = Calls[0] with
        {
            Segments = [.. Calls[0].Segments.Take(1), new SegmentDocument("agent", Calls[0].DurationSeconds - 20, Calls[0].DurationSeconds - 16, "这个不归我们管，你找物业去吧。", SearchBackends.Tokens.Of("这个不归我们管，你找物业去吧。"))],
        };
        var source = ElasticsearchMapping.ToSource(call).ToJsonString();
        var ms = call.StartedAt.ToUnixTimeMilliseconds();
        server.Then(HttpStatusCode.OK, $$$$$"""
            {"took":5,"timed_out":false,"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
              {"_index":"qa-calls","_id":"{{{{{call.CallId}}}}}","_score":null,"_source":{{{{{source}}}}},"sort":[{{{{{ms}}}}},"{{{{{call.CallId}}}}}"],
               "inner_hits":{"clause0":{"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_index":"qa-calls","_id":"{{{{{call.CallId}}}}}","_nested":{"field":"segments","offset":1},"_score":null,
                 "highlight":{"segments.tokens":["这个 【不归】 【我们】 【管】 你 找 物业 去 吧"]}}]}}}},
              {"_index":"qa-calls","_id":"X2","_score":null,"_source":{{{{{source}}}}},"sort":[{{{{{ms - 1}}}}},"X2"]}]}}
            """);
        var cursor = new SearchCursor(ms + 5, ms + 5, "G99");
        var page = await index.SearchAsync(new SearchQuery
        {
            Text = "不归我们管", Speaker = "agent", LastSeconds = 30, Teams = ["热线一组"], Rules = ["F04"], Severity = "fatal",
            ScoreMax = 60, From = SyntheticCallDocuments.Start, PageSize = 1, After = cursor.Encode(),
        }, CancellationToken.None);

        var request = server.Requests.Single();
        Assert.Equal((HttpMethod.Post, "/qa-calls/_search"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(2, body["size"]!.GetValue<int>()); // one more than the page, to know whether another page exists
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Contains(filters, f => f!["terms"]?["team"]?[0]?.GetValue<string>() == "热线一组");
        Assert.Contains(filters, f => f!["terms"]?["hits.rule"]?[0]?.GetValue<string>() == "F04");
        Assert.Contains(filters, f => f!["term"]?["hits.severity"]?.GetValue<string>() == "fatal");
        Assert.Contains(filters, f => f!["range"]?["score"]?["lte"]?.GetValue<int>() == 60);
        Assert.Contains(filters, f => f!["range"]?["started_at"]?["gte"]?.GetValue<long>() == SyntheticCallDocuments.Start.ToUnixTimeMilliseconds());
        var nested = filters.Single(f => f!["nested"] is not null)!["nested"]!;
        Assert.Equal("segments", nested["path"]!.GetValue<string>());
        var inner = nested["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Contains(inner, f => f!["match_phrase"]?["segments.chars"]?.GetValue<string>() == "不 归 我 们 管");
        Assert.Contains(inner, f => f!["term"]?["segments.speaker"]?.GetValue<string>() == "agent");
        Assert.Contains(inner, f => f!["range"]?["segments.to_end"]?["lte"]?.GetValue<double>() == 30);
        Assert.Equal("clause0", nested["inner_hits"]!["name"]!.GetValue<string>());
        Assert.Equal("desc", body["sort"]![0]!["started_at"]!["order"]!.GetValue<string>());
        Assert.Equal(JsonSerializer.Serialize(new object[] { ms + 5, "G99" }), body["search_after"]!.ToJsonString());

        Assert.Equal(2, page.Total);
        var hit = Assert.Single(page.Hits);
        Assert.Equal(call.CallId, hit.Call.CallId);
        var snippet = Assert.Single(hit.Snippets);
        Assert.Equal((1, "这个【不归我们管】，你找物业去吧。"), (snippet.Segment, snippet.Highlighted));
        Assert.Equal(SearchCursor.Of(call, SearchSort.Newest), SearchCursor.Decode(page.NextCursor!));
    }

    [Fact]
    public async Task Aggregations_use_terms_date_histogram_in_china_time_and_filters()
    {
        var (index, server, _) = Create();
        server.Then(HttpStatusCode.OK, """{"hits":{"total":{"value":9,"relation":"eq"},"hits":[]},"aggregations":{"a":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"N04","doc_count":5},{"key":"F02","doc_count":1}]}}}""")
            .Then(HttpStatusCode.OK, """{"hits":{"total":{"value":9,"relation":"eq"},"hits":[]},"aggregations":{"a":{"buckets":[{"key_as_string":"2026-09-07","key":1788710400000,"doc_count":4},{"key_as_string":"2026-09-14","key":1789315200000,"doc_count":5}]}}}""")
            .Then(HttpStatusCode.OK, """{"hits":{"total":{"value":9,"relation":"eq"},"hits":[]},"aggregations":{"a":{"buckets":{"fatal":{"doc_count":1},"all":{"doc_count":9}}}}}""");
        var rules = await index.AggregateAsync(new SearchQuery { Teams = ["热线一组"] }, new Aggregation.Terms(TermsField.Rule, 10), CancellationToken.None);
        var weeks = await index.AggregateAsync(new SearchQuery(), new Aggregation.DateHistogram(CalendarInterval.Week), CancellationToken.None);
        var named = await index.AggregateAsync(new SearchQuery(), new Aggregation.Filters(new Dictionary<string, SearchQuery>
        {
            ["fatal"] = new() { Severity = "fatal" }, ["all"] = new(),
        }), CancellationToken.None);

        var terms = JsonNode.Parse(server.Requests[0].Body)!;
        Assert.Equal(0, terms["size"]!.GetValue<int>());
        Assert.Equal(("hits.rule", 10), (terms["aggs"]!["a"]!["terms"]!["field"]!.GetValue<string>(), terms["aggs"]!["a"]!["terms"]!["size"]!.GetValue<int>()));
        Assert.Equal([new Bucket("N04", 5), new Bucket("F02", 1)], rules);
        var histogram = JsonNode.Parse(server.Requests[1].Body)!["aggs"]!["a"]!["date_histogram"]!;
        Assert.Equal(("week", "+08:00"), (histogram["calendar_interval"]!.GetValue<string>(), histogram["time_zone"]!.GetValue<string>()));
        Assert.Equal([new Bucket("2026-09-07", 4), new Bucket("2026-09-14", 5)], weeks);
        Assert.NotNull(JsonNode.Parse(server.Requests[2].Body)!["aggs"]!["a"]!["filters"]!["filters"]!["fatal"]);
        Assert.Equal([new Bucket("fatal", 1), new Bucket("all", 9)], named);
    }

    [Fact]
    public async Task A_refused_request_carries_the_clusters_reason_and_status()
    {
        var (index, server, _) = Create();
        server.Then(HttpStatusCode.Unauthorized, """{"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user [elastic] for REST request [/qa-calls/_search]"}],"type":"security_exception","reason":"unable to authenticate user"},"status":401}""");
        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => index.SearchAsync(new SearchQuery(), CancellationToken.None));
        Assert.Equal(401, e.Status);
        Assert.Contains("security_exception: unable to authenticate user [elastic]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }
}
