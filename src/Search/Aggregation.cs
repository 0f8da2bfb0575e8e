namespace SpeechQa.Search;

/// <summary>A grouping for the dashboards: by a keyword field (terms), by calendar time (date histogram), or named filters.</summary>
public abstract record Aggregation
{
    /// <summary>Calls per value of a field: agent, team, region, queue, category, rule (a call counts once per rule it hit), severity.</summary>
    public sealed record Terms(TermsField Field, int Size = 20) : Aggregation;

    /// <summary>Calls per day, week (Monday first) or month, in China Standard Time.</summary>
    public sealed record DateHistogram(CalendarInterval Interval) : Aggregation;

    /// <summary>Calls matching each named query (added to the filter), e.g. fatal calls vs all.</summary>
    public sealed record Filters(IReadOnlyDictionary<string, SearchQuery> Named) : Aggregation;
}

public enum TermsField
{
    Agent,
    Team,
    Region,
    Queue,
    Category,
    Rule,
    Severity,
}

public enum CalendarInterval
{
    Day,
    Week,
    Month,
}

/// <summary>One group: its key (a field value, or the first day of the period as yyyy-MM-dd, or the filter's name) and its call count.</summary>
public sealed record Bucket(string Key, long Count);
