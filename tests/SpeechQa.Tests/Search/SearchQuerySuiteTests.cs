using SpeechQa.Search;
using SpeechQa.Search.Synthetic;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The query suite every backend must pass: full text and phrases, speaker and time anchors, every filter, every
/// sort, keyset paging through all results, highlighting and the dashboard aggregations — each compared with the
/// in-memory oracle (<see cref="ReferenceSearch"/>) on the same generated calls.
/// </summary>
public sealed class SearchQuerySuiteTests(SearchSuiteFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SearchSuiteFixture>
{
    private static readonly DateTimeOffset Mid = SyntheticCallDocuments.Start.AddDays(20);

    private static readonly SearchQuery[] Suite =
    [
        new() { Text = "不归我们管" },
        new() { Text = "不归我们管", Speaker = "agent", LastSeconds = 30 },
        new() { Text = "不归我们管", FirstSeconds = 30 },
        new() { Text = "\"你有病吧\"", Speaker = "customer" },
        new() { Text = "“水费 怎么这么多”" },
        new() { Text = "水压 户号" },
        new() { Text = "保证今天给您修好", Sort = SearchSort.Oldest },
        new() { Agents = ["A001", "A002"] },
        new() { Teams = ["热线二组"], Regions = ["莲池区", "徐水区"] },
        new() { Categories = ["C03", "C04"], Text = "没水" },
        new() { Rules = ["N04"], Sort = SearchSort.ScoreAscending },
        new() { Severity = "fatal", Sort = SearchSort.ScoreDescending },
        new() { ScoreMin = 80, ScoreMax = 95, Sort = SearchSort.ScoreAscending },
        new() { From = Mid, To = Mid.AddDays(7), Sort = SearchSort.Oldest },
        new() { Text = "派单", Speaker = "agent", Teams = ["热线一组"], Severity = "non-fatal", ScoreMax = 97 },
        new() { Text = "完全不存在的词组" },
        new() { Text = "\"你有病吧\"", Speaker = "agent" },
        new() { Text = "不归我们管", WholeWords = true },
        new() { Text = "管", WholeWords = true, Speaker = "agent" },
        new() { Text = "管 物业", Speaker = "agent", LastSeconds = 60 },
    ];

    public static IEnumerable<object[]> Backends => SearchBackends.All;

    public static IEnumerable<object[]> Cases => SearchBackends.All.SelectMany(b => Suite.Select((_, i) => new[] { b[0], i }));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Total_and_first_two_pages_equal_the_oracle(string backend, int queryNumber)
    {
        var index = await fixture.IndexFor(backend);
        var query = Suite[queryNumber] with { PageSize = 25 };
        var clauses = QueryText.Clauses(query.Text, SearchBackends.Tokens);
        var expected = ReferenceSearch.Matching(fixture.Calls, query, clauses);
        output.WriteLine($"{backend} #{queryNumber}: {expected.Count} matching calls");
        var first = await index.SearchAsync(query, CancellationToken.None);
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Take(25).Select(c => c.CallId), first.Hits.Select(h => h.Call.CallId));
        if (first.NextCursor is { } cursor)
        {
            var second = await index.SearchAsync(query with { After = cursor }, CancellationToken.None);
            Assert.Equal(expected.Skip(25).Take(25).Select(c => c.CallId), second.Hits.Select(h => h.Call.CallId));
        }
        else
        {
            Assert.True(expected.Count <= 25);
        }
        foreach (var hit in first.Hits.Where(_ => clauses.Count > 0))
        {
            Assert.NotEmpty(hit.Snippets);
            Assert.All(hit.Snippets, s => Assert.Contains('【', s.Highlighted));
            Assert.All(hit.Snippets, s => Assert.True(query.Speaker is null || s.Speaker == query.Speaker));
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Paging_walks_every_result_once_past_ten_thousand(string backend)
    {
        var index = await fixture.IndexFor(backend);
        var expected = ReferenceSearch.Matching(fixture.Calls, new SearchQuery(), []).Select(c => c.CallId).ToList();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await index.SearchAsync(new SearchQuery { PageSize = 500, After = cursor }, CancellationToken.None);
            seen.AddRange(page.Hits.Select(h => h.Call.CallId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(expected, seen);
        Assert.True(seen.Count > 10_000 || fixture.Calls.Count <= 10_000, $"only {seen.Count} calls paged");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_scan_reads_every_match_in_the_sort_order(string backend)
    {
        var index = await fixture.IndexFor(backend);
        var query = new SearchQuery { Text = "派单", Speaker = "agent", Sort = SearchSort.ScoreDescending, PageSize = 3 };
        var expected = ReferenceSearch.Matching(fixture.Calls, query, QueryText.Clauses(query.Text, SearchBackends.Tokens)).Select(c => c.CallId).ToList();
        var seen = new List<string>();
        await foreach (var call in index.ScanAsync(query, CancellationToken.None))
            seen.Add(call.CallId);
        Assert.True(expected.Count > 500, $"only {expected.Count} matches: the scan should cross pages");
        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Aggregations_count_what_the_oracle_counts(string backend)
    {
        var index = await fixture.IndexFor(backend);
        var filter = new SearchQuery { Teams = ["热线一组", "热线三组"] };
        var matching = ReferenceSearch.Matching(fixture.Calls, filter, []);

        var teams = await index.AggregateAsync(filter, new Aggregation.Terms(TermsField.Team), CancellationToken.None);
        Assert.Equal(matching.GroupBy(c => c.Team!).Select(g => (g.Key, (long)g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal),
            teams.Select(b => (b.Key, b.Count)).OrderBy(x => x.Key, StringComparer.Ordinal));
        var rules = await index.AggregateAsync(filter, new Aggregation.Terms(TermsField.Rule, 50), CancellationToken.None);
        Assert.Equal(matching.SelectMany(c => c.Hits.Select(h => h.Rule).Distinct()).GroupBy(r => r).Select(g => (g.Key, (long)g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal),
            rules.Select(b => (b.Key, b.Count)).OrderBy(x => x.Key, StringComparer.Ordinal));
        var severity = await index.AggregateAsync(filter, new Aggregation.Terms(TermsField.Severity), CancellationToken.None);
        Assert.Equal(matching.Count(c => c.Hits.Any(h => h.Severity == "fatal")), severity.Single(b => b.Key == "fatal").Count);

        foreach (var interval in new[] { CalendarInterval.Day, CalendarInterval.Week, CalendarInterval.Month })
        {
            var histogram = await index.AggregateAsync(filter, new Aggregation.DateHistogram(interval), CancellationToken.None);
            var expected = matching.GroupBy(c => CalendarBucket.StartOf(DateOnly.FromDateTime(c.StartedAt.ToOffset(TimeSpan.FromHours(8)).DateTime), interval))
                .OrderBy(g => g.Key).Select(g => (g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (long)g.Count()));
            Assert.Equal(expected, histogram.Select(b => (b.Key, b.Count)));
        }

        var named = await index.AggregateAsync(filter, new Aggregation.Filters(new Dictionary<string, SearchQuery>
        {
            ["fatal"] = new() { Severity = "fatal" },
            ["low"] = new() { ScoreMax = 90 },
            ["推诿"] = new() { Text = "不归我们管", Speaker = "agent" },
        }), CancellationToken.None);
        Assert.Equal(matching.Count(c => c.Fatal), named.Single(b => b.Key == "fatal").Count);
        Assert.Equal(matching.Count(c => c.Score <= 90), named.Single(b => b.Key == "low").Count);
        var clauses = QueryText.Clauses("不归我们管", SearchBackends.Tokens);
        Assert.Equal(matching.Count(c => ReferenceSearch.Passes(c, new SearchQuery { Speaker = "agent" }, clauses)), named.Single(b => b.Key == "推诿").Count);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Re_indexing_a_call_replaces_it_and_a_damaged_cursor_is_refused(string backend)
    {
        var index = await fixture.IndexFor(backend);
        var original = fixture.Calls[7];
        await index.IndexAsync([original with { Score = 13, Category = "C99" }], CancellationToken.None);
        var page = await index.SearchAsync(new SearchQuery { ScoreMax = 13, ScoreMin = 13, Categories = ["C99"], PageSize = 500 }, CancellationToken.None);
        Assert.Contains(page.Hits, h => h.Call.CallId == original.CallId);
        await index.IndexAsync([original], CancellationToken.None);
        var again = await index.SearchAsync(new SearchQuery { ScoreMax = 13, ScoreMin = 13, Categories = ["C99"], PageSize = 500 }, CancellationToken.None);
        Assert.DoesNotContain(again.Hits, h => h.Call.CallId == original.CallId);
        var e = await Assert.ThrowsAsync<FormatException>(() => index.SearchAsync(new SearchQuery { After = "@@not-a-cursor" }, CancellationToken.None));
        Assert.Contains("cursor", e.Message, StringComparison.Ordinal);
    }
}
