using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.Scoring.Text;
using SpeechQa.Search;
using SpeechQa.Search.Embedded;
using SpeechQa.Search.Synthetic;

namespace SpeechQa.Bench;

/// <summary>
/// The embedded index on generated calls (default 100 000, 8 segments each) in a fresh SQLite database: indexing
/// calls/s, then p50/p95 of the query suite's kinds of query (text, phrase + speaker + last 30 s, filters, sorts,
/// deep keyset pages, aggregations). No Elasticsearch cluster can run here, so there is no side-by-side figure.
/// </summary>
public static class SearchBench
{
    public static async Task RunAsync(string root, int calls, string? postgres)
    {
        var tokens = new SearchTokens(new WordSegmenter(JiebaModel.Load()).WithUserDictionary(Path.Combine(root, "rules/dict/hotline.txt")));
        var documents = SyntheticCallDocuments.Generate(calls, seed: 3, tokens).ToList();
        var folder = Directory.CreateTempSubdirectory("speechqa-search-bench-").FullName;
        try
        {
            // SPEECHQA_BENCH_DB keeps the SQLite index for looking at query plans afterwards.
            var kept = Environment.GetEnvironmentVariable("SPEECHQA_BENCH_DB");
            await RunOneAsync("SQLite FTS5", string.IsNullOrEmpty(kept) ? Path.Combine(folder, "bench.db") : kept, documents, tokens);
            if (postgres is not null)
                await RunOneAsync("PostgreSQL full text", postgres, documents, tokens);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunOneAsync(string name, string setting, List<CallDocument> documents, SearchTokens tokens)
    {
        await using var store = StoreDataSource.Open(setting);
        await new SchemaMigrator(store, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var index = new EmbeddedSearchIndex(store, tokens);
        var clock = Stopwatch.StartNew();
        await index.IndexAsync(documents, CancellationToken.None);
        var indexSeconds = clock.Elapsed.TotalSeconds;
        var segments = documents.Sum(d => d.Segments.Count);

        var from = SyntheticCallDocuments.Start.AddDays(20);
        var deep = await CursorAtAsync(index, new SearchQuery { PageSize = 500 }, 24); // past 12 000 results
        (string Name, Func<Task> Run)[] queries =
        [
            ("text 水费", () => index.SearchAsync(new SearchQuery { Text = "水费" }, CancellationToken.None)),
            ("phrase 不归我们管, agent, last 30 s", () => index.SearchAsync(new SearchQuery { Text = "不归我们管", Speaker = "agent", LastSeconds = 30 }, CancellationToken.None)),
            ("text 水费, whole words", () => index.SearchAsync(new SearchQuery { Text = "水费", WholeWords = true }, CancellationToken.None)),
            ("two words, team filter", () => index.SearchAsync(new SearchQuery { Text = "水压 户号", Teams = ["热线二组"] }, CancellationToken.None)),
            ("two words, team filter, whole words", () => index.SearchAsync(new SearchQuery { Text = "水压 户号", Teams = ["热线二组"], WholeWords = true }, CancellationToken.None)),
            ("filters: region + category + score range", () => index.SearchAsync(new SearchQuery { Regions = ["莲池区"], Categories = ["C03"], ScoreMin = 80, ScoreMax = 95 }, CancellationToken.None)),
            ("rule N04, score ascending", () => index.SearchAsync(new SearchQuery { Rules = ["N04"], Sort = SearchSort.ScoreAscending }, CancellationToken.None)),
            ("fatal, week range, oldest first", () => index.SearchAsync(new SearchQuery { Severity = "fatal", From = from, To = from.AddDays(7), Sort = SearchSort.Oldest }, CancellationToken.None)),
            ("page 25 (keyset, after 12 000)", () => index.SearchAsync(new SearchQuery { PageSize = 500, After = deep }, CancellationToken.None)),
            ("terms by rule", () => index.AggregateAsync(new SearchQuery(), new Aggregation.Terms(TermsField.Rule), CancellationToken.None)),
            ("date histogram by day, one team", () => index.AggregateAsync(new SearchQuery { Teams = ["热线一组"] }, new Aggregation.DateHistogram(CalendarInterval.Day), CancellationToken.None)),
        ];
        Console.WriteLine($"Search, embedded {name}: {documents.Count} calls ({segments} segments) indexed in {indexSeconds:0.0} s = {documents.Count / indexSeconds:0} calls/s");
        Console.WriteLine("| query | p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---|");
        var all = new List<double>();
        foreach (var (label, run) in queries)
        {
            await run(); // warm the caches
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                clock.Restart();
                await run();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            all.AddRange(times);
            Console.WriteLine($"| {label} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} |");
        }
        Console.WriteLine($"| all queries | {Percentile(all, 0.5):0.0} | {Percentile(all, 0.95):0.0} |  (goal p95 < 100 ms)");
    }

    private static async Task<string?> CursorAtAsync(EmbeddedSearchIndex index, SearchQuery query, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
            cursor = (await index.SearchAsync(query with { After = cursor }, CancellationToken.None)).NextCursor;
        return cursor;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
