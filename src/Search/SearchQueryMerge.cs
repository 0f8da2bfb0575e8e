namespace SpeechQa.Search;

/// <summary>A query narrowed by another (a dashboard filter plus a named bucket): lists and bounds of the second win where set.</summary>
public static class SearchQueryMerge
{
    public static SearchQuery Merge(SearchQuery baseQuery, SearchQuery extra)
    {
        ArgumentNullException.ThrowIfNull(baseQuery);
        ArgumentNullException.ThrowIfNull(extra);
        return baseQuery with
        {
            Text = string.Join(' ', new[] { baseQuery.Text, extra.Text }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } t ? t : null,
            Speaker = extra.Speaker ?? baseQuery.Speaker,
            WholeWords = extra.WholeWords || baseQuery.WholeWords,
            FirstSeconds = extra.FirstSeconds ?? baseQuery.FirstSeconds,
            LastSeconds = extra.LastSeconds ?? baseQuery.LastSeconds,
            Agents = extra.Agents.Count > 0 ? extra.Agents : baseQuery.Agents,
            Teams = extra.Teams.Count > 0 ? extra.Teams : baseQuery.Teams,
            Regions = extra.Regions.Count > 0 ? extra.Regions : baseQuery.Regions,
            Categories = extra.Categories.Count > 0 ? extra.Categories : baseQuery.Categories,
            Rules = extra.Rules.Count > 0 ? extra.Rules : baseQuery.Rules,
            Severity = extra.Severity ?? baseQuery.Severity,
            ScoreMin = extra.ScoreMin ?? baseQuery.ScoreMin,
            ScoreMax = extra.ScoreMax ?? baseQuery.ScoreMax,
            From = extra.From ?? baseQuery.From,
            To = extra.To ?? baseQuery.To,
        };
    }
}
