using System.Text;
using SpeechQa.Batch.Store;

namespace SpeechQa.Search.Embedded;

/// <summary>The WHERE clause over <c>search_calls c</c> for a query's filters and text clauses, with its parameters.</summary>
internal sealed class EmbeddedFilter
{
    /// <summary>A segment's id is (document number &lt;&lt; SegmentBits) + its position, so a full-text match names its call.</summary>
    private const int SegmentBits = 20;

    public const int MaxSegmentsPerCall = 1 << SegmentBits;

    public static long SegmentId(long docNo, int seq) => (docNo << SegmentBits) + seq;

    public EmbeddedFilter(StoreEngine engine, SearchQuery query, IReadOnlyList<QueryClause> clauses)
    {
        var sql = new StringBuilder("1 = 1");
        var p = Parameters;
        void In(string column, IReadOnlyList<string> values, string name) => InTo(sql, column, values, name);
        void InTo(StringBuilder target, string column, IReadOnlyList<string> values, string name)
        {
            if (values.Count == 0)
                return;
            target.Append(" AND ").Append(column).Append(" IN (");
            for (var i = 0; i < values.Count; i++)
            {
                target.Append(i > 0 ? ", " : "").Append('@').Append(name).Append(i);
                p.Add(name + i, values[i]);
            }
            target.Append(')');
        }
        In("c.agent_id", query.Agents, "agent");
        In("c.team", query.Teams, "team");
        In("c.region", query.Regions, "region");
        In("c.category", query.Categories, "category");
        if (query.Rules.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM search_hits h WHERE h.doc_no = c.doc_no");
            InTo(sql, "h.rule", query.Rules, "rule");
            sql.Append(')');
        }
        // One condition per set bound, its value as parameter @name.
        void When(StringBuilder target, object? value, string name, string condition)
        {
            if (value is null)
                return;
            target.Append(" AND ").Append(condition);
            p.Add(name, value);
        }
        When(sql, query.Severity, "severity", "EXISTS (SELECT 1 FROM search_hits h WHERE h.doc_no = c.doc_no AND h.severity = @severity)");
        When(sql, query.ScoreMin, "scoreMin", "c.score >= @scoreMin");
        When(sql, query.ScoreMax, "scoreMax", "c.score <= @scoreMax");
        When(sql, query.From?.ToUnixTimeMilliseconds(), "from", "c.started_at_ms >= @from");
        When(sql, query.To?.ToUnixTimeMilliseconds(), "to", "c.started_at_ms < @to");
        var segmentFilter = new StringBuilder();
        When(segmentFilter, query.Speaker, "speaker", "s.speaker = @speaker");
        When(segmentFilter, query.FirstSeconds, "first", "s.start_s <= @first");
        When(segmentFilter, query.LastSeconds, "last", "s.to_end_s <= @last");
        for (var k = 0; k < clauses.Count; k++)
        {
            // Each clause: the calls with a qualifying segment containing its words (or characters) in a row.
            var terms = string.Join(' ', query.WholeWords ? clauses[k].Words : clauses[k].Chars);
            var column = query.WholeWords ? "tokens" : "chars";
            if (engine == StoreEngine.Sqlite)
            {
                // Without segment conditions the FTS index alone answers: its rowids carry the document number.
                sql.Append(segmentFilter.Length == 0
                        ? $" AND c.doc_no IN (SELECT rowid >> {SegmentBits} FROM search_fts WHERE search_fts MATCH @text{k})"
                        : $" AND c.doc_no IN (SELECT s.id >> {SegmentBits} FROM search_fts f JOIN search_segments s ON s.id = f.rowid WHERE search_fts MATCH @text{k}{segmentFilter})");
                p.Add("text" + k, column + " : \"" + terms.Replace("\"", "\"\"", StringComparison.Ordinal) + '"');
            }
            else
            {
                var vector = query.WholeWords ? "tsv" : "csv";
                sql.Append($" AND c.doc_no IN (SELECT s.id >> {SegmentBits} FROM search_segments s WHERE s.{vector} @@ phraseto_tsquery('simple', @text{k}){segmentFilter})");
                p.Add("text" + k, terms);
            }
        }
        Sql = sql.ToString();
        MatchesText = clauses.Count > 0;
    }

    /// <summary>Whether text clauses restrict the calls (their matches are then collected before sorting anyway).</summary>
    public bool MatchesText { get; }

    public string Sql { get; }

    public SqlParameterList Parameters { get; } = [];
}
