using SpeechQa.Batch.Store;
using SpeechQa.Search;
using SpeechQa.Search.Elasticsearch;
using SpeechQa.Search.Embedded;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The backends the query suite runs on: the embedded index on SQLite and on PostgreSQL always, and Elasticsearch
/// whenever SPEECHQA_ES_URL points to a cluster (no cluster is available here; the REST shapes are checked by
/// ElasticsearchRestTests instead).
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
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ElasticsearchOptions.UrlVariable)))
                yield return ["elasticsearch"];
        }
    }

    public static async Task<(ICallSearchIndex Index, IAsyncDisposable Owner)> CreateAsync(string backend)
    {
        if (backend == "elasticsearch")
        {
            var options = ElasticsearchOptions.FromEnvironment()! with { IndexPrefix = "speechqa-test-" + Guid.NewGuid().ToString("N")[..8] + "-" };
            var http = new HttpClient();
            var index = new ElasticsearchSearchIndex(new ElasticsearchClient(http, options), Tokens, refreshOnWrite: true);
            await index.EnsureReadyAsync(CancellationToken.None);
            return (index, new Owner(async () => { await index.DeleteIndexAsync(CancellationToken.None); http.Dispose(); }));
        }
        var database = await TestDatabase.CreateAsync(backend == "sqlite" ? StoreEngine.Sqlite : StoreEngine.PostgreSql);
        return (new EmbeddedSearchIndex(database.DataSource, Tokens), database);
    }

    private sealed class Owner(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
