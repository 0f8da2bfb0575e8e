using System.Text.Json.Serialization;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// A call as the Elasticsearch index stores it (<c>_source</c>): the <see cref="CallDocument"/> plus the fields only
/// the cluster needs — <c>sort_score</c> (unscored calls sort as −1), each segment's <c>to_end</c> (for "the last N
/// seconds") and its tokens and characters as space-joined text for the <c>whitespace</c> analyzer.
/// </summary>
public sealed class CallSource
{
    [JsonPropertyName("call_id")] public required string CallId { get; init; }
    [JsonPropertyName("started_at")] public required DateTimeOffset StartedAt { get; init; }
    [JsonPropertyName("direction")] public string Direction { get; init; } = "inbound";
    [JsonPropertyName("agent_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AgentId { get; init; }
    [JsonPropertyName("agent_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AgentName { get; init; }
    [JsonPropertyName("team"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Team { get; init; }
    [JsonPropertyName("region"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Region { get; init; }
    [JsonPropertyName("queue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Queue { get; init; }
    [JsonPropertyName("category"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Category { get; init; }
    [JsonPropertyName("score"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Score { get; init; }
    [JsonPropertyName("sort_score")] public int SortScore { get; init; }
    [JsonPropertyName("fatal")] public bool Fatal { get; init; }
    [JsonPropertyName("duration_s")] public double DurationSeconds { get; init; }
    [JsonPropertyName("hits")] public IReadOnlyList<HitSource> Hits { get; init; } = [];
    [JsonPropertyName("segments")] public IReadOnlyList<SegmentSource> Segments { get; init; } = [];
    [JsonPropertyName("repeat"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public RepeatSource? Repeat { get; init; }

    public static CallSource From(CallDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new CallSource
        {
            CallId = d.CallId, StartedAt = d.StartedAt, Direction = d.Direction,
            AgentId = d.AgentId, AgentName = d.AgentName, Team = d.Team, Region = d.Region, Queue = d.Queue, Category = d.Category,
            Score = d.Score, SortScore = d.Score ?? -1, Fatal = d.Fatal, DurationSeconds = d.DurationSeconds,
            Hits = [.. d.Hits.Select(h => new HitSource { Rule = h.Rule, Severity = h.Severity })],
            Segments = [.. d.Segments.Select(s => new SegmentSource
            {
                Speaker = s.Speaker, Start = s.Start, End = s.End, ToEnd = d.SecondsToEnd(s), Text = s.Text,
                Tokens = string.Join(' ', s.Tokens), Chars = string.Join(' ', SearchTokens.Characters(s.Text)),
            })],
            Repeat = d.Repeat is { } r ? new RepeatSource { ChainId = r.ChainId, Position = r.Position, RootCause = r.RootCause } : null,
        };
    }

    public CallDocument ToDocument() => new()
    {
        CallId = CallId, StartedAt = StartedAt, Direction = Direction,
        AgentId = AgentId, AgentName = AgentName, Team = Team, Region = Region, Queue = Queue, Category = Category,
        Score = Score, Fatal = Fatal, DurationSeconds = DurationSeconds,
        Hits = [.. Hits.Select(h => new HitDocument(h.Rule, h.Severity))],
        Segments = [.. Segments.Select(s => new SegmentDocument(s.Speaker, s.Start, s.End, s.Text, s.Tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries)))],
        Repeat = Repeat is { } r ? new RepeatDocument(r.ChainId, r.Position, r.RootCause) : null,
    };
}

public sealed class HitSource
{
    [JsonPropertyName("rule")] public required string Rule { get; init; }
    [JsonPropertyName("severity")] public required string Severity { get; init; }
}

public sealed class SegmentSource
{
    [JsonPropertyName("speaker")] public required string Speaker { get; init; }
    [JsonPropertyName("start")] public double Start { get; init; }
    [JsonPropertyName("end")] public double End { get; init; }
    [JsonPropertyName("to_end")] public double ToEnd { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("tokens")] public required string Tokens { get; init; }
    [JsonPropertyName("chars")] public required string Chars { get; init; }
}

public sealed class RepeatSource
{
    [JsonPropertyName("chain_id")] public required string ChainId { get; init; }
    [JsonPropertyName("position")] public int Position { get; init; }
    [JsonPropertyName("root_cause"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RootCause { get; init; }
}
