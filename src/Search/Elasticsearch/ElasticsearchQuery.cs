using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// Query DSL for a <see cref="SearchQuery"/>, typed: a bool filter of terms and ranges, and one nested query per
/// text clause whose match_phrase, speaker and time conditions must hold in the same segment.
/// </summary>
public static class ElasticsearchQuery
{
    /// <summary>Inner hits of each text clause are named clause0, clause1, …: they say which segments matched.</summary>
    public const string ClausePrefix = "clause";

    public static Query Bool(SearchQuery q, IReadOnlyList<QueryClause> clauses, bool innerHits)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(clauses);
        var filter = new List<Query>();
        void Terms(string field, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
                filter.Add(new TermsQuery { Field = field, Terms = new TermsQueryField([.. values.Select(FieldValue.String)]) });
        }
        Terms("agent_id", q.Agents);
        Terms("team", q.Teams);
        Terms("region", q.Regions);
        Terms("category", q.Categories);
        Terms("hits.rule", q.Rules);
        if (q.Severity is { } severity)
            filter.Add(new TermQuery { Field = "hits.severity", Value = severity });
        if (q.ScoreMin is not null || q.ScoreMax is not null)
            filter.Add(new NumberRangeQuery { Field = "score", Gte = q.ScoreMin, Lte = q.ScoreMax });
        if (q.From is not null || q.To is not null)
        {
            filter.Add(new DateRangeQuery
            {
                Field = "started_at",
                Gte = q.From is { } from ? DateMath.Anchored(from.UtcDateTime) : null,
                Lt = q.To is { } to ? DateMath.Anchored(to.UtcDateTime) : null,
            });
        }
        for (var k = 0; k < clauses.Count; k++)
            filter.Add(Clause(q, clauses[k], innerHits ? ClausePrefix + k.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        return new BoolQuery { Filter = filter };
    }

    private static NestedQuery Clause(SearchQuery q, QueryClause clause, string? innerHitsName)
    {
        var segment = new List<Query>
        {
            q.WholeWords
                ? new MatchPhraseQuery { Field = "segments.tokens", Query = string.Join(' ', clause.Words) }
                : new MatchPhraseQuery { Field = "segments.chars", Query = string.Join(' ', clause.Chars) },
        };
        if (q.Speaker is { } speaker)
            segment.Add(new TermQuery { Field = "segments.speaker", Value = speaker });
        if (q.FirstSeconds is { } first)
            segment.Add(new NumberRangeQuery { Field = "segments.start", Lte = first });
        if (q.LastSeconds is { } last)
            segment.Add(new NumberRangeQuery { Field = "segments.to_end", Lte = last });
        return new NestedQuery
        {
            Path = "segments",
            Query = new BoolQuery { Filter = segment },
            // Only the offsets are read: the snippet text is highlighted by the same code as the embedded index (QueryText).
            InnerHits = innerHitsName is null ? null : new InnerHits { Name = innerHitsName, Size = 3, Source = new SourceConfig(false) },
        };
    }

    public static ICollection<SortOptions> Sort(SearchSort sort)
    {
        static SortOptions By(string field, SortOrder order) => new FieldSort { Field = field, Order = order };
        return sort switch
        {
            SearchSort.Oldest => [By("started_at", SortOrder.Asc), By("call_id", SortOrder.Asc)],
            SearchSort.ScoreAscending => [By("sort_score", SortOrder.Asc), By("started_at", SortOrder.Asc), By("call_id", SortOrder.Asc)],
            SearchSort.ScoreDescending => [By("sort_score", SortOrder.Desc), By("started_at", SortOrder.Desc), By("call_id", SortOrder.Desc)],
            _ => [By("started_at", SortOrder.Desc), By("call_id", SortOrder.Desc)],
        };
    }

    /// <summary>The sort values of the cursor's call, in the order of <see cref="Sort"/> (dates as epoch milliseconds).</summary>
    public static ICollection<FieldValue> SearchAfter(SearchCursor cursor, SearchSort sort)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return sort is SearchSort.ScoreAscending or SearchSort.ScoreDescending
            ? [FieldValue.Long(cursor.SortValue), FieldValue.Long(cursor.StartedAtMs), FieldValue.String(cursor.CallId)]
            : [FieldValue.Long(cursor.StartedAtMs), FieldValue.String(cursor.CallId)];
    }

    /// <summary>The segment offsets the nested inner hits of a hit report (which segments matched a clause).</summary>
    public static HashSet<int> MatchedSegments<T>(Hit<T> hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var offsets = new HashSet<int>();
        foreach (var (_, clause) in hit.InnerHits ?? new Dictionary<string, InnerHitsResult>())
        {
            foreach (var inner in clause.Hits.Hits)
            {
                if (inner.Nested is { } nested)
                    offsets.Add(nested.Offset);
            }
        }
        return offsets;
    }
}
