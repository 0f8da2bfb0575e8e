using System.Text.Json.Serialization;
using SpeechQa.QaPortal.Portal.Components;

namespace SpeechQa.QaPortal.Portal;

// What the JSON API answers (snake_case, as the export formats): named so the endpoints' typed results say it.

/// <summary>One row of <c>GET /api/queue</c>.</summary>
public sealed record QueueItemJson(
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("team")] string? Team,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("fatal")] bool Fatal,
    [property: JsonPropertyName("reviewed_score")] int? ReviewedScore,
    [property: JsonPropertyName("rules")] IEnumerable<string> Rules)
{
    public static QueueItemJson Of(QueueRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.CallId, r.StartedAt, r.AgentId, r.Team, r.Region, r.Category, r.Score, r.Fatal, r.ReviewedScore, QueueRules.Of(r.HitsJson));
    }
}

/// <summary><c>GET /api/calls/{id}</c>: the call's facts (masked for the viewer's role) and its transcript.</summary>
public sealed record CallJson(
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("caller")] string Caller,
    [property: JsonPropertyName("account_no")] string AccountNo,
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("team")] string? Team,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("score")] int? Score,
    [property: JsonPropertyName("fatal")] bool? Fatal,
    [property: JsonPropertyName("reviewed_score")] int? ReviewedScore,
    [property: JsonPropertyName("segments")] IReadOnlyList<SegmentJson> Segments)
{
    public static CallJson Of(CallView view, PersonalDataMask mask)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(mask);
        var c = view.Call.Call;
        return new(c.CallId, c.StartedAt, mask.Number(c.Caller), mask.Number(c.AccountNo), c.AgentId, c.Team, c.Region, view.Judgement?.Category,
            view.Judgement?.Score, view.Judgement?.Fatal, view.Reviewed?.Score,
            [.. view.Segments.Select(s => new SegmentJson(SpeechQa.Batch.Transcripts.TranscriptJson.SpeakerName(s.Segment.Speaker), s.Segment.Start, s.Segment.End,
                mask.Text(s.Segment.Text)))]);
    }
}

/// <summary>One transcript segment of <see cref="CallJson"/>.</summary>
public sealed record SegmentJson(
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("text")] string Text);
