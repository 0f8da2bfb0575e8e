namespace SpeechQa.Search;

/// <summary>
/// What the index holds for one scored call: the call's fields, its category, score and hits, its segments
/// (text and the jieba tokens they were cut into), and its repeat-chain fields when it is in a chain.
/// </summary>
public sealed record CallDocument
{
    public required string CallId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string Direction { get; init; } = "inbound";
    public string? AgentId { get; init; }
    public string? AgentName { get; init; }
    public string? Team { get; init; }
    public string? Region { get; init; }
    public string? Queue { get; init; }
    public string? Category { get; init; }
    public int? Score { get; init; }
    public bool Fatal { get; init; }
    public double DurationSeconds { get; init; }
    public IReadOnlyList<HitDocument> Hits { get; init; } = [];
    public IReadOnlyList<SegmentDocument> Segments { get; init; } = [];
    public RepeatDocument? Repeat { get; init; }

    /// <summary>How long before the call's end a segment starts: what "the last N seconds" filters on (stored by both backends).</summary>
    public double SecondsToEnd(SegmentDocument segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Math.Max(0, DurationSeconds - segment.Start);
    }
}

/// <summary>A rule hit as the filters need it: which rule, fatal or non-fatal.</summary>
public sealed record HitDocument(string Rule, string Severity);

/// <summary>One transcript segment: who, when (and how long before the call's end it started), the text and its tokens.</summary>
public sealed record SegmentDocument(string Speaker, double Start, double End, string Text, IReadOnlyList<string> Tokens);

/// <summary>The call's place in a repeat chain (issue #8 fills it).</summary>
public sealed record RepeatDocument(string ChainId, int Position, string? RootCause);
