using SpeechQa.Batch.Store;
using SpeechQa.Search;
using SpeechQa.Search.Elasticsearch;
using SpeechQa.Search.Embedded;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Tests.Search.FakeElasticsearch;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The backends the query suite runs on: the embedded index on SQLite and on PostgreSQL, Elasticsearch through the
/// official client against the fake server on 127.0.0.1 (always), and against a real cluster whenever
/// SPEECHQA_ES_URL points to one.
/// </summary>
public static class SearchBackends
{
    public static SearchTokens Tokens { get; } = new(Words);

    public static IEnumerable<object[]> All
    {
        get
        {
            yield return ["sqlite"];
            yield return ["postgresql"];
            yield return ["elasticsearch-fake"];
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ElasticsearchOptions.UrlVariable)))
                yield return ["elasticsearch"];
        }
    }

    public static async Task<(ICallSearchIndex Index, IAsyncDisposable Owner)> CreateAsync(string backend)
    {
        switch (backend)
        {
            case "elasticsearch":
            {
                var options = ElasticsearchOptions.FromEnvironment()! with { IndexPrefix = "speechqa-test-" + Guid.NewGuid().ToString("N")[..8] + "-" };
                var index = new ElasticsearchSearchIndex(ElasticsearchConnection.CreateClient(options), options, Tokens, refreshOnWrite: true);
                await index.EnsureReadyAsync(CancellationToken.None);
                return (index, new Owner(() => index.DeleteIndexAsync(CancellationToken.None)));
            }
            case "elasticsearch-fake":
            {
                var server = new FakeElasticsearchServer();
                var options = new ElasticsearchOptions(server.Url, "suite-");
                var index = new ElasticsearchSearchIndex(ElasticsearchConnection.CreateClient(options), options, Tokens, refreshOnWrite: true);
                await index.EnsureReadyAsync(CancellationToken.None);
                return (index, new Owner(() => { server.Dispose(); return Task.CompletedTask; }));
            }
            default:
                var database = await TestDatabase.CreateAsync(backend == "sqlite" ? StoreEngine.Sqlite : StoreEngine.PostgreSql);
                return (new EmbeddedSearchIndex(database.DataSource, Tokens), database);
        }
    }

    private sealed class Owner(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
