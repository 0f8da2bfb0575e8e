namespace SpeechQa.Search;

/// <summary>
/// A search: full text (words and "quoted phrases", all required, each within a segment that passes the speaker
/// and time filters), call filters, the sort and the page. Empty filters match everything.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>The text to find: words and "phrases"; each must occur in a qualifying segment.</summary>
    public string? Text { get; init; }

    /// <summary>Match clauses as whole jieba words instead of as characters (see <see cref="QueryText"/>).</summary>
    public bool WholeWords { get; init; }

    /// <summary>Only segments of this speaker ("agent", "customer") count for the text.</summary>
    public string? Speaker { get; init; }

    /// <summary>Only segments that start within the first N seconds of the call.</summary>
    public double? FirstSeconds { get; init; }

    /// <summary>Only segments that start within the last N seconds of the call.</summary>
    public double? LastSeconds { get; init; }

    public IReadOnlyList<string> Agents { get; init; } = [];
    public IReadOnlyList<string> Teams { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Calls with a hit on any of these rules.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Calls with a hit of this severity ("fatal", "non-fatal").</summary>
    public string? Severity { get; init; }

    public int? ScoreMin { get; init; }
    public int? ScoreMax { get; init; }
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound of the call start.</summary>
    public DateTimeOffset? To { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Newest;

    public int PageSize { get; init; } = 20;

    /// <summary>The cursor of the previous page's last call (<see cref="SearchPage.NextCursor"/>): pages go on past 10 000 results.</summary>
    public string? After { get; init; }
}

public enum SearchSort
{
    Newest,
    Oldest,
    ScoreAscending,
    ScoreDescending,
}
