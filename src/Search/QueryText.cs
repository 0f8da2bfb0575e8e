namespace SpeechQa.Search;

/// <summary>
/// The text part of a query as clauses: each unquoted word and each "quoted phrase" is one clause that must occur
/// in one segment. By default a clause matches as a run of characters (不归我们管 finds 这不归我们管 although jieba
/// cuts that as 这不归/我们/管: what inspectors expect from a search box); with whole-word matching its jieba words
/// must follow each other as words (管 then does not find 管道).
/// </summary>
public static class QueryText
{
    public static List<QueryClause> Clauses(string? text, SearchTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var clauses = new List<QueryClause>();
        if (string.IsNullOrWhiteSpace(text))
            return clauses;
        var quoted = false;
        foreach (var part in text.Replace('“', '"').Replace('”', '"').Split('"'))
        {
            if (quoted)
                Add(part);
            else
            {
                foreach (var word in part.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries))
                    Add(word);
            }
            quoted = !quoted;
        }
        return clauses;

        void Add(string piece)
        {
            var words = tokens.Of(piece);
            if (words.Count > 0)
                clauses.Add(new QueryClause(words, SearchTokens.Characters(piece)));
        }
    }

    /// <summary>Whether a segment contains the clause: as characters, or as consecutive jieba words.</summary>
    public static bool Matches(SegmentDocument segment, QueryClause clause, bool wholeWords)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(clause);
        return wholeWords
            ? Matches(segment.Tokens, clause.Words)
            : string.Concat(SearchTokens.Characters(segment.Text)).Contains(string.Concat(clause.Chars), StringComparison.Ordinal);
    }

    /// <summary>Whether a segment's tokens contain every token of the clause consecutively.</summary>
    public static bool Matches(IReadOnlyList<string> segmentTokens, IReadOnlyList<string> clause)
    {
        for (var i = 0; i + clause.Count <= segmentTokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < clause.Count && all; j++)
                all = segmentTokens[i + j] == clause[j];
            if (all)
                return true;
        }
        return false;
    }

    /// <summary>The segment text with each matched clause wrapped in 【】 (each token separately when the clause is not contiguous in the text).</summary>
    public static string Highlight(string text, IEnumerable<QueryClause> clauses)
    {
        var marks = new bool[text.Length];
        foreach (var clause in clauses)
        {
            if (!Mark(string.Concat(clause.Words)))
            {
                foreach (var token in clause.Words)
                    Mark(token);
            }
        }
        var builder = new System.Text.StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (marks[i] && (i == 0 || !marks[i - 1]))
                builder.Append('【');
            builder.Append(text[i]);
            if (marks[i] && (i == text.Length - 1 || !marks[i + 1]))
                builder.Append('】');
        }
        return builder.ToString();

        bool Mark(string piece)
        {
            var found = false;
            for (var at = text.IndexOf(piece, StringComparison.OrdinalIgnoreCase); at >= 0 && piece.Length > 0; at = text.IndexOf(piece, at + piece.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marks, true, at, piece.Length);
                found = true;
            }
            return found;
        }
    }

    /// <summary>The snippets of a call: segments passing the speaker/time filters that match a clause, at most <paramref name="max"/>.</summary>
    public static List<Snippet> Snippets(CallDocument call, SearchQuery query, IReadOnlyList<QueryClause> clauses, int max = 3)
    {
        var snippets = new List<Snippet>();
        if (clauses.Count == 0)
            return snippets;
        for (var i = 0; i < call.Segments.Count && snippets.Count < max; i++)
        {
            var s = call.Segments[i];
            if (!Qualifies(call, s, query))
                continue;
            var matched = clauses.Where(c => Matches(s, c, query.WholeWords)).ToList();
            if (matched.Count > 0)
                snippets.Add(new Snippet(i, s.Speaker, s.Start, Highlight(s.Text, matched)));
        }
        return snippets;
    }

    /// <summary>The segment-level filters: speaker, first N seconds, last N seconds.</summary>
    public static bool Qualifies(CallDocument call, SegmentDocument s, SearchQuery query) =>
        (query.Speaker is null || s.Speaker == query.Speaker)
        && (query.FirstSeconds is not { } first || s.Start <= first)
        && (query.LastSeconds is not { } last || call.SecondsToEnd(s) <= last);
}
