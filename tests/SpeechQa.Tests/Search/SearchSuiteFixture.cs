using System.Collections.Concurrent;
using System.Globalization;
using SpeechQa.Search;
using SpeechQa.Search.Synthetic;

namespace SpeechQa.Tests.Search;

/// <summary>
/// One generated call set (SPEECHQA_SEARCH_SUITE_CALLS, default 12 000 so that paging goes past 10 000; the search
/// benchmark runs the suite with 100 000), indexed once per backend and shared by the query suite.
/// </summary>
public sealed class SearchSuiteFixture : IAsyncDisposable
{
    public const string SizeVariable = "SPEECHQA_SEARCH_SUITE_CALLS";

    private readonly ConcurrentDictionary<string, Lazy<Task<(ICallSearchIndex Index, IAsyncDisposable Owner)>>> _indexes = new();

    public SearchSuiteFixture()
    {
        var size = int.Parse(Environment.GetEnvironmentVariable(SizeVariable) ?? "12000", CultureInfo.InvariantCulture);
        Calls = [.. SyntheticCallDocuments.Generate(size, seed: 11, SearchBackends.Tokens)];
    }

    public IReadOnlyList<CallDocument> Calls { get; }

    public async Task<ICallSearchIndex> IndexFor(string backend) =>
        (await _indexes.GetOrAdd(backend, b => new Lazy<Task<(ICallSearchIndex, IAsyncDisposable)>>(async () =>
        {
            var (index, owner) = await SearchBackends.CreateAsync(b);
            await index.IndexAsync(Calls, CancellationToken.None);
            return (index, owner);
        })).Value).Index;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _indexes.Values)
        {
            if (lazy.IsValueCreated)
                await (await lazy.Value).Owner.DisposeAsync();
        }
    }
}
