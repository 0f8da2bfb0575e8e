namespace SpeechQa.Search;

/// <summary>One page of results: how many calls match in all, these calls, and the cursor of the next page (null at the end).</summary>
public sealed record SearchPage(long Total, IReadOnlyList<SearchHit> Hits, string? NextCursor);

/// <summary>A matching call with the segments that matched the text, highlighted.</summary>
public sealed record SearchHit(CallDocument Call, IReadOnlyList<Snippet> Snippets);

/// <summary>A matched segment: its index, speaker, start, and its text with the matches wrapped in 【】.</summary>
public sealed record Snippet(int Segment, string Speaker, double Start, string Highlighted);
