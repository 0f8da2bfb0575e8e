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
    private readonly Lazy<(ICallSearchIndex Index, SearchTokens Tokens, HttpClient? Http)> _index;

    public SearchIndexing(StoreDataSource dataSource, CallScoring scoring, ILogger<SearchIndexing> logger)
    {
        _index = new(() =>
        {
            var segmenter = scoring.Judge?.Segmenter ?? new WordSegmenter(JiebaModel.Load());
            var tokens = new SearchTokens(segmenter);
            ICallSearchIndex index;
            HttpClient? http = null;
            if (ElasticsearchOptions.FromEnvironment() is { } options)
            {
                http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                index = new ElasticsearchSearchIndex(new ElasticsearchClient(http, options), tokens);
            }
            else
            {
                index = new EmbeddedSearchIndex(dataSource, tokens);
            }
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Search index: {Index}", index.Description);
            return (index, tokens, http);
        });
    }

    public ICallSearchIndex Index => _index.Value.Index;

    public SearchTokens Tokens => _index.Value.Tokens;

    public void Dispose()
    {
        if (_index.IsValueCreated)
            _index.Value.Http?.Dispose();
    }
}
