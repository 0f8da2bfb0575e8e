using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;
using SpeechQa.Scoring.Text;
using SpeechQa.Search;
using SpeechQa.Search.Elasticsearch;
using SpeechQa.Search.Embedded;

namespace SpeechQa.Pipeline.Search;

/// <summary>
/// The configured search index: Elasticsearch when <c>SPEECHQA_ES_URL</c> is set, otherwise the embedded index in
/// the app's own database. Built on first use with the rules' segmenter (the tokens must match the queries').
/// </summary>
public sealed class SearchIndexing : IDisposable
{
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private volatile bool _ready;

    private readonly Lazy<(ICallSearchIndex Index, SearchTokens Tokens)> _index;

    public SearchIndexing(StoreDataSource dataSource, CallScoring scoring, Microsoft.Extensions.Options.IOptions<ElasticsearchSettings> elasticsearch, ILogger<SearchIndexing> logger)
    {
        _index = new(() =>
        {
            var segmenter = scoring.Judge?.Segmenter ?? new WordSegmenter(JiebaModel.Load());
            var tokens = new SearchTokens(segmenter);
            ICallSearchIndex index = elasticsearch.Value.ToOptions() is { } options
                ? new ElasticsearchSearchIndex(ElasticsearchConnection.CreateClient(options), options, tokens)
                : new EmbeddedSearchIndex(dataSource, tokens);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Search index: {Index}", index.Description);
            return (index, tokens);
        });
    }

    public ICallSearchIndex Index => _index.Value.Index;

    public SearchTokens Tokens => _index.Value.Tokens;

    /// <summary>
    /// The index, made ready once per process before the first write (Elasticsearch: the index template and the index;
    /// a write before them would let the cluster guess the mappings).
    /// </summary>
    public async Task<ICallSearchIndex> ReadyIndexAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await _readyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_ready)
                {
                    await Index.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
                    _ready = true;
                }
            }
            finally
            {
                _readyGate.Release();
            }
        }
        return Index;
    }

    public void Dispose() => _readyGate.Dispose();
}
