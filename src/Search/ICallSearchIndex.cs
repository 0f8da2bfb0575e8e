namespace SpeechQa.Search;

/// <summary>The search and analytics index of scored calls; the embedded and Elasticsearch backends behave the same.</summary>
public interface ICallSearchIndex
{
    /// <summary>Which backend this is, for logs and `speechqa search` ("embedded (SQLite FTS5)", "Elasticsearch http://…").</summary>
    string Description { get; }

    /// <summary>Creates what the backend needs (tables or the index template and index); idempotent.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the documents (by call id).</summary>
    Task IndexAsync(IReadOnlyList<CallDocument> documents, CancellationToken cancellationToken);

    /// <summary>Removes every document (before a re-index).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every call matching <paramref name="query"/> in its sort order (its page size and cursor are ignored): what an
    /// export of a whole search reads. Elasticsearch reads through a point in time, the embedded index by keyset pages.
    /// </summary>
    IAsyncEnumerable<CallDocument> ScanAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Counts of the calls matching <paramref name="filter"/>, grouped as <paramref name="aggregation"/> asks.</summary>
    Task<IReadOnlyList<Bucket>> AggregateAsync(SearchQuery filter, Aggregation aggregation, CancellationToken cancellationToken);
}
