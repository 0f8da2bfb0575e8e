using System.Globalization;
using SpeechQa.Batch.Store;

namespace SpeechQa.Search.Embedded;

/// <summary>
/// The default index, inside the app's own database (no server): call fields in <c>search_calls</c>, rule hits in
/// <c>search_hits</c>, segment tokens in <c>search_segments</c> with SQLite FTS5 (<c>search_fts</c>) or PostgreSQL
/// full text (<c>tsvector</c> 'simple' + GIN) over the jieba tokens. Tables come from the store's migrations.
/// </summary>
public sealed class EmbeddedSearchIndex(StoreDataSource dataSource, SearchTokens tokens) : ICallSearchIndex
{
    private const int MaxPageSize = 500;

    public string Description => dataSource.Engine == StoreEngine.Sqlite
        ? $"embedded (SQLite FTS5, {dataSource.Description})" : $"embedded (PostgreSQL full text, {dataSource.Description})";

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask; // the store's migrations made the tables

    public async Task IndexAsync(IReadOnlyList<CallDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var doc in documents)
        {
            if (doc.Segments.Count > EmbeddedFilter.MaxSegmentsPerCall)
                throw new ArgumentException($"Call {doc.CallId} has {doc.Segments.Count} segments; the embedded index takes at most {EmbeddedFilter.MaxSegmentsPerCall} per call.", nameof(documents));
        }
        foreach (var batch in documents.Chunk(500))
        {
            await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var doc in batch)
            {
                await DeleteAsync(transaction, doc.CallId, cancellationToken).ConfigureAwait(false);
                var docNo = await transaction.ScalarAsync<long>(
                    """
                    INSERT INTO search_calls (call_id, started_at_ms, direction, agent_id, team, region, queue, category, score, sort_score, fatal, duration_s)
                    VALUES (@id, @started, @direction, @agent, @team, @region, @queue, @category, @score, @sortScore, @fatal, @duration)
                    RETURNING doc_no
                    """,
                    new SqlParameterList
                    {
                        { "id", doc.CallId }, { "started", doc.StartedAt.ToUnixTimeMilliseconds() }, { "direction", doc.Direction },
                        { "agent", doc.AgentId }, { "team", doc.Team }, { "region", doc.Region }, { "queue", doc.Queue },
                        { "category", doc.Category }, { "score", doc.Score }, { "sortScore", doc.Score ?? -1 }, { "fatal", doc.Fatal ? 1 : 0 },
                        { "duration", doc.DurationSeconds },
                    }, cancellationToken).ConfigureAwait(false);
                var no = new SqlParameterList { { "no", docNo }, { "document", CallDocumentJson.Serialize(doc) } };
                await transaction.ExecuteAsync("INSERT INTO search_documents (doc_no, document) VALUES (@no, @document)", no, cancellationToken).ConfigureAwait(false);
                foreach (var hit in doc.Hits.DistinctBy(h => h.Rule))
                {
                    await transaction.ExecuteAsync("INSERT INTO search_hits (doc_no, rule, severity) VALUES (@no, @rule, @severity)",
                        new SqlParameterList { { "no", docNo }, { "rule", hit.Rule }, { "severity", hit.Severity } }, cancellationToken).ConfigureAwait(false);
                }
                for (var i = 0; i < doc.Segments.Count; i++)
                {
                    var s = doc.Segments[i];
                    await transaction.ExecuteAsync(
                        "INSERT INTO search_segments (id, speaker, start_s, to_end_s, tokens, chars) VALUES (@id, @speaker, @start, @toEnd, @tokens, @chars)",
                        new SqlParameterList
                        {
                            { "id", EmbeddedFilter.SegmentId(docNo, i) }, { "speaker", s.Speaker }, { "start", s.Start },
                            { "toEnd", doc.SecondsToEnd(s) }, { "tokens", string.Join(' ', s.Tokens) },
                            { "chars", string.Join(' ', SearchTokens.Characters(s.Text)) },
                        }, cancellationToken).ConfigureAwait(false);
                }
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a call's entry (a re-indexed call gets a new document number).</summary>
    private static async Task DeleteAsync(StoreTransaction transaction, string callId, CancellationToken cancellationToken)
    {
        var old = await transaction.ScalarAsync<long?>("SELECT doc_no FROM search_calls WHERE call_id = @id",
            new SqlParameterList { { "id", callId } }, cancellationToken).ConfigureAwait(false);
        if (old is not { } docNo)
            return;
        var range = new SqlParameterList { { "no", docNo }, { "first", EmbeddedFilter.SegmentId(docNo, 0) }, { "end", EmbeddedFilter.SegmentId(docNo + 1, 0) } };
        await transaction.ExecuteAsync("DELETE FROM search_segments WHERE id >= @first AND id < @end", range, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_hits WHERE doc_no = @no", range, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_documents WHERE doc_no = @no", range, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_calls WHERE doc_no = @no", range, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_segments", null, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_hits", null, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_documents", null, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM search_calls", null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = QueryText.Clauses(query.Text, tokens);
        var where = new EmbeddedFilter(dataSource.Engine, query, clauses);
        var (counted, calls, next) = await ReadPageAsync(query, where, cancellationToken).ConfigureAwait(false);
        var matches = counted
            ?? await dataSource.ScalarAsync<long>($"SELECT COUNT(*) FROM search_calls c WHERE {where.Sql}", where.Parameters, cancellationToken).ConfigureAwait(false);
        return new SearchPage(matches, [.. calls.Select(c => new SearchHit(c, QueryText.Snippets(c, query, clauses)))], next);
    }

    /// <summary>
    /// One page in the query's order after its cursor, and the cursor of the next; with text clauses also the number of
    /// matches, counted in the same pass (null otherwise: the count is a scan of its own, paid only when asked for).
    /// </summary>
    private async Task<(long? Matches, List<CallDocument> Calls, string? Next)> ReadPageAsync(SearchQuery query, EmbeddedFilter where, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var parameters = new SqlParameterList();
        parameters.AddRange(where.Parameters);
        var after = "";
        if (query.After is { } cursorText)
        {
            var cursor = SearchCursor.Decode(cursorText);
            parameters.Add("afterValue", cursor.SortValue);
            parameters.Add("afterMs", cursor.StartedAtMs);
            parameters.Add("afterId", cursor.CallId);
            after = " AND " + Keyset(query.Sort, "m");
        }
        parameters.Add("limit", size + 1);

        // With text clauses every match is collected before sorting anyway, so one pass counts them too (a window
        // over the matches, taken before the cursor narrows them). Without, the page walks the sort index and stops
        // after one page.
        var total = where.MatchesText ? "COUNT(*) OVER ()" : "0";
        var page = $"SELECT * FROM (SELECT c.doc_no, c.call_id, c.started_at_ms, c.sort_score, {total} AS total FROM search_calls c WHERE {where.Sql}) m WHERE 1 = 1{after}";
        var rows = await dataSource.QueryAsync(
            $"SELECT p.total, d.document FROM ({page} ORDER BY {OrderBy(query.Sort, "m")} LIMIT @limit) p JOIN search_documents d ON d.doc_no = p.doc_no ORDER BY {OrderBy(query.Sort, "p")}",
            parameters, r => (Total: r.ReadLong(0), Document: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var calls = rows.Take(size).Select(r => CallDocumentJson.Deserialize(r.Document)).ToList();
        var next = rows.Count > size ? SearchCursor.Of(calls[^1], query.Sort).Encode() : null;
        return (where.MatchesText && rows.Count > 0 ? rows[0].Total : null, calls, next);
    }

    /// <summary>Every match by keyset pages of 500, without the count or the snippets a page for reading carries.</summary>
    public async IAsyncEnumerable<CallDocument> ScanAsync(SearchQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new EmbeddedFilter(dataSource.Engine, query, QueryText.Clauses(query.Text, tokens));
        var page = query with { PageSize = MaxPageSize, After = null };
        do
        {
            var (_, calls, next) = await ReadPageAsync(page, where, cancellationToken).ConfigureAwait(false);
            foreach (var call in calls)
                yield return call;
            page = page with { After = next };
        }
        while (page.After is not null);
    }

    public async Task<IReadOnlyList<Bucket>> AggregateAsync(SearchQuery filter, Aggregation aggregation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new EmbeddedFilter(dataSource.Engine, filter, QueryText.Clauses(filter.Text, tokens));
        switch (aggregation)
        {
            case Aggregation.Terms terms:
            {
                var sql = terms.Field switch
                {
                    TermsField.Rule => $"SELECT h.rule, COUNT(*) FROM search_calls c JOIN search_hits h ON h.doc_no = c.doc_no WHERE {where.Sql} GROUP BY h.rule",
                    TermsField.Severity => $"SELECT h.severity, COUNT(DISTINCT c.doc_no) FROM search_calls c JOIN search_hits h ON h.doc_no = c.doc_no WHERE {where.Sql} GROUP BY h.severity",
                    _ => $"SELECT c.{Column(terms.Field)}, COUNT(*) FROM search_calls c WHERE {where.Sql} AND c.{Column(terms.Field)} IS NOT NULL GROUP BY c.{Column(terms.Field)}",
                };
                var rows = await dataSource.QueryAsync(sql, where.Parameters, r => new Bucket(r.GetString(0), r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
                return [.. rows.OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).Take(terms.Size)];
            }
            case Aggregation.DateHistogram histogram:
            {
                // Days in China Standard Time (UTC+8, no daylight saving), then weeks or months folded in C#.
                var rows = await dataSource.QueryAsync(
                    $"SELECT (c.started_at_ms + 28800000) / 86400000 AS day, COUNT(*) FROM search_calls c WHERE {where.Sql} GROUP BY (c.started_at_ms + 28800000) / 86400000",
                    where.Parameters, r => (Day: r.ReadLong(0), Count: r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
                return [.. rows.GroupBy(r => CalendarBucket.StartOf(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)r.Day), histogram.Interval))
                    .OrderBy(g => g.Key).Select(g => new Bucket(g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Sum(r => r.Count)))];
            }
            case Aggregation.Filters filters:
            {
                var buckets = new List<Bucket>();
                foreach (var (name, named) in filters.Named)
                {
                    var merged = SearchQueryMerge.Merge(filter, named);
                    var w = new EmbeddedFilter(dataSource.Engine, merged, QueryText.Clauses(merged.Text, tokens));
                    buckets.Add(new Bucket(name, await dataSource.ScalarAsync<long>($"SELECT COUNT(*) FROM search_calls c WHERE {w.Sql}", w.Parameters, cancellationToken).ConfigureAwait(false)));
                }
                return buckets;
            }
            default:
                throw new ArgumentException($"unknown aggregation {aggregation}", nameof(aggregation));
        }
    }

    private static string Column(TermsField field) => field switch
    {
        TermsField.Agent => "agent_id",
        TermsField.Team => "team",
        TermsField.Region => "region",
        TermsField.Queue => "queue",
        TermsField.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>ORDER BY for a sort over the rows named by <paramref name="alias"/>.</summary>
    private static string OrderBy(SearchSort sort, string alias) => sort switch
    {
        SearchSort.Oldest => $"{alias}.started_at_ms, {alias}.call_id",
        SearchSort.ScoreAscending => $"{alias}.sort_score, {alias}.started_at_ms, {alias}.call_id",
        SearchSort.ScoreDescending => $"{alias}.sort_score DESC, {alias}.started_at_ms DESC, {alias}.call_id DESC",
        _ => $"{alias}.started_at_ms DESC, {alias}.call_id DESC",
    };

    /// <summary>The keyset condition "after the cursor" for a sort (row values: SQLite ≥ 3.15 and PostgreSQL).</summary>
    private static string Keyset(SearchSort sort, string alias) => sort switch
    {
        SearchSort.Oldest => $"({alias}.started_at_ms, {alias}.call_id) > (@afterMs, @afterId)",
        SearchSort.ScoreAscending => $"({alias}.sort_score, {alias}.started_at_ms, {alias}.call_id) > (@afterValue, @afterMs, @afterId)",
        SearchSort.ScoreDescending => $"({alias}.sort_score, {alias}.started_at_ms, {alias}.call_id) < (@afterValue, @afterMs, @afterId)",
        _ => $"({alias}.started_at_ms, {alias}.call_id) < (@afterMs, @afterId)",
    };
}
