using System.Text.Json.Nodes;
using SpeechQa.Search;
using SpeechQa.Search.Elasticsearch;
using SpeechQa.Search.Synthetic;
using SpeechQa.Tests.Search.FakeElasticsearch;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The Elasticsearch backend through the official client against the fake server (FakeElasticsearchServer): what goes
/// over the wire (template, gzip, Accept, authentication, the query DSL), bulk with per-item errors and back-off on
/// 429, a refused document named by its call, point-in-time walks, and the cluster's reasons in errors.
/// </summary>
public sealed class ElasticsearchClientTests : IDisposable
{
    private static readonly CallDocument[] Calls = [.. SyntheticCallDocuments.Generate(40, seed: 5, SearchBackends.Tokens)];

    private readonly FakeElasticsearchServer _server = new();
    private readonly List<TimeSpan> _delays = [];
    private readonly ElasticsearchSearchIndex _index;

    public ElasticsearchClientTests()
    {
        var options = new ElasticsearchOptions(_server.Url, "qa-", Username: "elastic", Password: "s3cret");
        _index = new ElasticsearchSearchIndex(ElasticsearchConnection.CreateClient(options), options, SearchBackends.Tokens, refreshOnWrite: true,
            delay: (d, _) => { _delays.Add(d); return Task.CompletedTask; });
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Ensure_ready_puts_a_strict_template_and_creates_the_index_once_over_gzip_with_basic_auth()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        await _index.EnsureReadyAsync(CancellationToken.None); // the index exists now: fine

        var put = _server.Requests[0];
        Assert.Equal(("PUT", "/_index_template/qa-calls-template"), (put.Method, put.Path));
        Assert.Equal("gzip", put.ContentEncoding);
        Assert.StartsWith("Basic ", put.Authorization, StringComparison.Ordinal);
        var template = JsonNode.Parse(put.Body)!;
        Assert.Equal("qa-calls*", template["index_patterns"]!.ToJsonString().Trim('[', ']', '"'));
        var mappings = template["template"]!["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var segments = mappings["properties"]!["segments"]!;
        Assert.Equal("nested", segments["type"]!.GetValue<string>());
        Assert.Equal("whitespace", segments["properties"]!["tokens"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("whitespace", segments["properties"]!["chars"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", mappings["properties"]!["hits"]!["properties"]!["rule"]!["type"]!.GetValue<string>());
        Assert.Equal("date", mappings["properties"]!["started_at"]!["type"]!.GetValue<string>());
        Assert.Equal([("PUT", "/qa-calls"), ("PUT", "/qa-calls")], _server.Requests.Where(r => r.Path == "/qa-calls").Select(r => (r.Method, r.Path)));
        Assert.Equal("strict", _server.Cluster.Indices["qa-calls"].Mappings!["dynamic"]!.GetValue<string>()); // the template applied
    }

    [Fact]
    public async Task Bulk_resends_only_busy_items_with_back_off_and_names_the_refused_call_while_the_rest_are_indexed()
    {
        // An index made by an older template that did not know "queue": the cluster refuses documents that carry one.
        var old = JsonNode.Parse("""{"mappings":{"dynamic":"strict","properties":{}}}""")!;
        await _index.EnsureReadyAsync(CancellationToken.None);
        await _index.DeleteIndexAsync(CancellationToken.None);
        var template = JsonNode.Parse(_server.Requests[0].Body)!["template"]!["mappings"]!.DeepClone().AsObject();
        template["properties"]!.AsObject().Remove("queue");
        old["mappings"] = template;
        _server.Cluster.CreateIndex("qa-calls", old);
        var calls = Calls.Take(3).Select(c => c with { Queue = null }).ToArray();
        calls[2] = calls[2] with { Queue = "供暖专线" };
        _server.BusyItems.Add(calls[1].CallId);

        var e = await Assert.ThrowsAsync<ElasticsearchBulkException>(() => _index.IndexAsync(calls, CancellationToken.None));

        var bulks = _server.Requests.Where(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal(6, bulks[0].Body.TrimEnd('\n').Split('\n').Length);
        var retry = bulks[1].Body.TrimEnd('\n').Split('\n');
        Assert.Equal(2, retry.Length); // only the item that got 429
        Assert.Equal(calls[1].CallId, JsonNode.Parse(retry[0])!["index"]!["_id"]!.GetValue<string>());
        Assert.Equal([TimeSpan.FromMilliseconds(500)], _delays);
        var refused = Assert.Single(e.Refused);
        Assert.Equal((calls[2].CallId, 400), (refused.CallId, refused.Status));
        Assert.Contains(calls[2].CallId, e.Message, StringComparison.Ordinal);
        Assert.Contains("strict_dynamic_mapping_exception", e.Message, StringComparison.Ordinal);
        Assert.Equal([calls[0].CallId, calls[1].CallId], _server.Cluster.Indices["qa-calls"].Documents.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_whole_bulk_answered_429_is_sent_again_with_doubling_back_off()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        const string busy = """{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected"}],"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}""";
        _server.Fail("_bulk", 429, busy).Fail("_bulk", 429, busy);
        await _index.IndexAsync(Calls.Take(2).ToList(), CancellationToken.None);
        Assert.Equal(3, _server.Requests.Count(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)));
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)], _delays);
        Assert.Equal(2, _server.Cluster.Indices["qa-calls"].Documents.Count);
    }

    [Fact]
    public async Task Search_sends_typed_bool_filters_nested_phrases_sort_and_search_after_and_reads_hits_and_snippets()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        var call = Calls[0] with
        {
            Team = "热线一组", Score = 55, Hits = [new HitDocument("F04", "fatal")],
            Segments = [.. Calls[0].Segments.Take(1), new SegmentDocument("agent", Calls[0].DurationSeconds - 20, Calls[0].DurationSeconds - 16, "这个不归我们管，你找物业去吧。", SearchBackends.Tokens.Of("这个不归我们管，你找物业去吧。"))],
        };
        await _index.IndexAsync([call, .. Calls.Skip(1)], CancellationToken.None);
        var query = new SearchQuery
        {
            Text = "不归我们管", Speaker = "agent", LastSeconds = 30, Teams = ["热线一组"], Rules = ["F04"], Severity = "fatal",
            ScoreMax = 60, From = call.StartedAt.AddMinutes(-1), To = call.StartedAt.AddMinutes(1), PageSize = 1,
        };
        var page = await _index.SearchAsync(query, CancellationToken.None);

        var request = _server.Requests[^1];
        Assert.Equal(("POST", "/qa-calls/_search"), (request.Method, request.Path));
        Assert.Contains("compatible-with=9", request.Accept, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(2, body["size"]!.GetValue<int>()); // one more than the page, to know whether another page exists
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Contains(filters, f => f!["terms"]?["team"]?[0]?.GetValue<string>() == "热线一组");
        Assert.Contains(filters, f => f!["term"]?["hits.severity"] is not null);
        var nested = filters.Single(f => f!["nested"] is not null)!["nested"]!;
        Assert.Equal("segments", nested["path"]!.GetValue<string>());
        Assert.Contains("不 归 我 们 管", nested["query"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Equal("clause0", nested["inner_hits"]!["name"]!.GetValue<string>());
        Assert.Equal("desc", body["sort"]![0]!["started_at"]!["order"]!.GetValue<string>());

        Assert.Equal(1, page.Total);
        var hit = Assert.Single(page.Hits);
        Assert.Equal(call.CallId, hit.Call.CallId);
        Assert.Equal(call.StartedAt, hit.Call.StartedAt);
        Assert.Equal(call.Segments[1].Tokens, hit.Call.Segments[1].Tokens);
        var snippet = Assert.Single(hit.Snippets);
        Assert.Equal((1, "这个【不归我们管】，你找物业去吧。"), (snippet.Segment, snippet.Highlighted));
        Assert.Null(page.NextCursor);

        var all = await _index.SearchAsync(new SearchQuery { PageSize = 15, Sort = SearchSort.ScoreAscending }, CancellationToken.None);
        var next = await _index.SearchAsync(new SearchQuery { PageSize = 15, Sort = SearchSort.ScoreAscending, After = all.NextCursor }, CancellationToken.None);
        var after = JsonNode.Parse(_server.Requests[^1].Body)!["search_after"]!.AsArray();
        Assert.Equal(3, after.Count); // score, start, call id
        Assert.Equal(SearchCursor.Decode(all.NextCursor!).CallId, after[2]!.GetValue<string>());
        Assert.Empty(all.Hits.Select(h => h.Call.CallId).Intersect(next.Hits.Select(h => h.Call.CallId)));
    }

    [Fact]
    public async Task Aggregations_ask_for_typed_keys_and_read_terms_weeks_in_china_time_and_named_filters()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        await _index.IndexAsync(Calls, CancellationToken.None);
        var teams = await _index.AggregateAsync(new SearchQuery(), new Aggregation.Terms(TermsField.Team, 10), CancellationToken.None);
        Assert.Contains("typed_keys=true", _server.Requests[^1].Query, StringComparison.Ordinal);
        Assert.Equal(Calls.GroupBy(c => c.Team!).Select(g => new Bucket(g.Key, g.Count())).OrderBy(b => b.Key, StringComparer.Ordinal),
            teams.OrderBy(b => b.Key, StringComparer.Ordinal));
        var weeks = await _index.AggregateAsync(new SearchQuery(), new Aggregation.DateHistogram(CalendarInterval.Week), CancellationToken.None);
        var histogram = JsonNode.Parse(_server.Requests[^1].Body)!["aggregations"]!["a"]!["date_histogram"]!;
        Assert.Equal(("week", "+08:00"), (histogram["calendar_interval"]!.GetValue<string>(), histogram["time_zone"]!.GetValue<string>()));
        Assert.Equal(Calls.Length, weeks.Sum(b => b.Count));
        Assert.All(weeks, b => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
        var named = await _index.AggregateAsync(new SearchQuery(), new Aggregation.Filters(new Dictionary<string, SearchQuery>
        {
            ["fatal"] = new() { Severity = "fatal" }, ["all"] = new(),
        }), CancellationToken.None);
        Assert.Equal([new Bucket("fatal", Calls.Count(c => c.Hits.Any(h => h.Severity == "fatal"))), new Bucket("all", Calls.Length)], named);
    }

    [Fact]
    public async Task A_scan_reads_a_point_in_time_so_calls_re_indexed_during_the_walk_are_seen_once_and_the_pit_is_closed()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        var many = SyntheticCallDocuments.Generate(1_200, seed: 9, SearchBackends.Tokens).ToList();
        await _index.IndexAsync(many, CancellationToken.None);
        var seen = new List<string>();
        await foreach (var call in _index.ScanAsync(new SearchQuery { Sort = SearchSort.ScoreAscending }, CancellationToken.None))
        {
            if (seen.Count == 10)
            {
                // Mid-walk, the calls not read yet get the lowest score, and new calls arrive: the walk keeps its snapshot.
                await _index.IndexAsync([.. many.Where(c => !seen.Contains(c.CallId)).Take(300).Select(c => c with { Score = 0 })], CancellationToken.None);
                await _index.IndexAsync([.. SyntheticCallDocuments.Generate(5, seed: 99, SearchBackends.Tokens).Select(c => c with { CallId = "NEW-" + c.CallId })], CancellationToken.None);
            }
            seen.Add(call.CallId);
        }
        Assert.Equal(many.Count, seen.Count);
        Assert.Equal(many.Select(c => c.CallId).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var walks = _server.Requests.Where(r => r.Path == "/_search").ToList();
        Assert.Equal(3, walks.Count); // two pages of 500 and a last, short one of 200
        Assert.All(walks, w => Assert.NotNull(JsonNode.Parse(w.Body)!["pit"]));
        Assert.Contains(_server.Requests, r => r.Method == "DELETE" && r.Path == "/_pit");
        Assert.Equal(0, _server.Cluster.OpenPointsInTime);
    }

    [Fact]
    public async Task A_refused_request_carries_the_clusters_reason_and_status_but_not_the_password()
    {
        await _index.EnsureReadyAsync(CancellationToken.None);
        _server.Fail("_search", 401, """{"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user [elastic] for REST request [/qa-calls/_search]"}],"type":"security_exception","reason":"unable to authenticate user"},"status":401}""");
        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => _index.SearchAsync(new SearchQuery(), CancellationToken.None));
        Assert.Equal(401, e.Status);
        Assert.Contains("security_exception: unable to authenticate user [elastic]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_named_in_the_error()
    {
        var options = new ElasticsearchOptions(new Uri("http://127.0.0.1:9/"));
        var index = new ElasticsearchSearchIndex(ElasticsearchConnection.CreateClient(options), options, SearchBackends.Tokens);
        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => index.SearchAsync(new SearchQuery(), CancellationToken.None));
        Assert.Equal(0, e.Status);
        Assert.Contains("cannot reach Elasticsearch at http://127.0.0.1:9/", e.Message, StringComparison.Ordinal);
    }
}
