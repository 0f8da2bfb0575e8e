using System.Text.Json;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Search;

namespace SpeechQa.Pipeline.Search;

/// <summary>A stored, scored call as a search document: call fields, category, score, hits, duration and tokenised segments.</summary>
public sealed class CallDocumentBuilder(CallStore calls, RepeatStore repeats)
{
    public async Task<CallDocument?> BuildAsync(string callId, SearchTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (await calls.GetAsync(callId, cancellationToken).ConfigureAwait(false) is not { Status: CallStatus.Scored } stored)
            return null;
        var transcript = await calls.GetTranscriptAsync(callId, cancellationToken).ConfigureAwait(false);
        var judgement = await calls.GetJudgementAsync(callId, cancellationToken).ConfigureAwait(false);
        var metrics = await calls.GetMetricsAsync(callId, cancellationToken).ConfigureAwait(false);
        var duration = 0.0;
        if (metrics is not null)
        {
            using var json = JsonDocument.Parse(metrics);
            if (json.RootElement.TryGetProperty("duration_s", out var d))
                duration = d.GetDouble();
        }
        var hits = new List<HitDocument>();
        if (judgement is not null)
        {
            hits.AddRange(SpeechQa.Scoring.Judging.HitsJson.Read(judgement.HitsJson).Select(h => new HitDocument(h.Rule, h.Severity)));
        }
        var segments = (transcript?.Segments ?? []).OrderBy(s => s.Start)
            .Select(s => new SegmentDocument(TranscriptJson.SpeakerName(s.Speaker), s.Start, s.End, s.Text, tokens.Of(s.Text))).ToList();
        var repeat = await repeats.GetMemberAsync(callId, cancellationToken).ConfigureAwait(false);
        var call = stored.Call;
        return new CallDocument
        {
            CallId = call.CallId,
            StartedAt = call.StartedAt,
            Direction = call.Direction == CallDirection.Outbound ? "outbound" : "inbound",
            AgentId = call.AgentId,
            AgentName = call.AgentName,
            Team = call.Team,
            Region = call.Region,
            Queue = call.Queue,
            Category = judgement?.Category,
            Score = judgement?.Score,
            Fatal = judgement?.Fatal ?? false,
            DurationSeconds = duration > 0 ? duration : segments.Count == 0 ? 0 : segments.Max(s => s.End),
            Hits = hits,
            Segments = segments,
            Repeat = repeat is null ? null : new RepeatDocument(repeat.ChainId, repeat.Position, repeat.RootCause.ToString()),
        };
    }
}
