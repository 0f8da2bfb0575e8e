using System.Data.Common;
using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Batch.Store;

/// <summary>Calls, their attributes, transcripts, metrics and pipeline status.</summary>
public sealed class CallStore(StoreDataSource dataSource, TimeProvider clock)
{
    private const string CallColumns =
        "call_id, started_at, direction, caller, agent_id, agent_name, team, queue, account_no, region, hangup_by, " +
        "audio_path, audio_sha256, channels, transcript_path, transcript_sha256, revision, status, error, updated_at_ms";

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Stores a validated manifest row. Same audio and transcript hashes as stored → untouched (no-op);
    /// otherwise the call moves to a new revision, its old results are dropped and it is queued again.
    /// Returns the outcome and the revision now stored.
    /// </summary>
    public async Task<(IngestOutcome Outcome, int Revision)> UpsertAsync(StoreTransaction transaction, Call call, string manifestPath, Transcript? transcript, CancellationToken cancellationToken)
    {
        var existing = await transaction.QueryAsync(
            "SELECT audio_sha256, transcript_sha256, revision FROM calls WHERE call_id = @id",
            new SqlParameterList { { "id", call.CallId } },
            r => (Audio: r.NullableString(0), Transcript: r.NullableString(1), Revision: r.ReadInt(2)), cancellationToken).ConfigureAwait(false);

        IngestOutcome outcome;
        int revision;
        if (existing.Count == 0)
        {
            (outcome, revision) = (IngestOutcome.Added, 1);
            await transaction.ExecuteAsync(
                $"""
                INSERT INTO calls (call_id, started_at, started_at_ms, direction, caller, agent_id, agent_name, team, queue, account_no, region, hangup_by,
                    audio_path, audio_sha256, channels, transcript_path, transcript_sha256, manifest_path, revision, status, error, ingested_at_ms, updated_at_ms)
                VALUES (@id, @started, @startedMs, @direction, @caller, @agent, @agentName, @team, @queue, @account, @region, @hangup,
                    @audio, @audioHash, @channels, @transcript, @transcriptHash, @manifest, @revision, 'queued', NULL, @now, @now)
                """, CallParameters(call, manifestPath, revision), cancellationToken).ConfigureAwait(false);
        }
        else if (existing[0].Audio == call.AudioSha256 && existing[0].Transcript == call.TranscriptSha256)
        {
            return (IngestOutcome.Unchanged, existing[0].Revision);
        }
        else
        {
            (outcome, revision) = (IngestOutcome.Changed, existing[0].Revision + 1);
            await transaction.ExecuteAsync(
                """
                UPDATE calls SET started_at = @started, started_at_ms = @startedMs, direction = @direction, caller = @caller, agent_id = @agent,
                    agent_name = @agentName, team = @team, queue = @queue, account_no = @account, region = @region, hangup_by = @hangup,
                    audio_path = @audio, audio_sha256 = @audioHash, channels = @channels, transcript_path = @transcript,
                    transcript_sha256 = @transcriptHash, manifest_path = @manifest, revision = @revision, status = 'queued', error = NULL, updated_at_ms = @now
                WHERE call_id = @id
                """, CallParameters(call, manifestPath, revision), cancellationToken).ConfigureAwait(false);
            var id = new SqlParameterList { { "id", call.CallId } };
            await transaction.ExecuteAsync("DELETE FROM call_attributes WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync("DELETE FROM segments WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync("DELETE FROM transcripts WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync("DELETE FROM call_metrics WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync("DELETE FROM call_acoustics WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, value) in call.Attributes)
        {
            await transaction.ExecuteAsync("INSERT INTO call_attributes (call_id, name, value) VALUES (@id, @name, @value)",
                new SqlParameterList { { "id", call.CallId }, { "name", name }, { "value", value } }, cancellationToken).ConfigureAwait(false);
        }
        if (transcript is not null)
            await WriteTranscriptAsync(transaction, transcript, revision, cancellationToken).ConfigureAwait(false);
        return (outcome, revision);
    }

    private SqlParameterList CallParameters(Call call, string manifestPath, int revision) => new()
    {
        { "id", call.CallId }, { "started", call.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) },
        { "startedMs", call.StartedAt.ToUnixTimeMilliseconds() }, { "direction", call.Direction.ToWire() }, { "caller", call.Caller },
        { "agent", call.AgentId }, { "agentName", call.AgentName }, { "team", call.Team }, { "queue", call.Queue },
        { "account", call.AccountNo }, { "region", call.Region }, { "hangup", call.HangupBy }, { "audio", call.AudioPath },
        { "audioHash", call.AudioSha256 }, { "channels", call.Channels.ToWire() }, { "transcript", call.TranscriptPath },
        { "transcriptHash", call.TranscriptSha256 }, { "manifest", manifestPath }, { "revision", revision }, { "now", Now },
    };

    /// <summary>Replaces the call's transcript (idempotent: a re-run writes the same rows).</summary>
    public async Task SaveTranscriptAsync(Transcript transcript, int revision, CancellationToken cancellationToken)
    {
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var id = new SqlParameterList { { "id", transcript.CallId } };
        await transaction.ExecuteAsync("DELETE FROM segments WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM transcripts WHERE call_id = @id", id, cancellationToken).ConfigureAwait(false);
        await WriteTranscriptAsync(transaction, transcript, revision, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteTranscriptAsync(StoreTransaction transaction, Transcript transcript, int revision, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync(
            "INSERT INTO transcripts (call_id, revision, language, source, created_at_ms) VALUES (@id, @revision, @language, @source, @now)",
            new SqlParameterList { { "id", transcript.CallId }, { "revision", revision }, { "language", transcript.Language }, { "source", transcript.Source }, { "now", Now } },
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < transcript.Segments.Count; i++)
        {
            var s = transcript.Segments[i];
            await transaction.ExecuteAsync(
                "INSERT INTO segments (call_id, idx, speaker, start_s, end_s, text, extra) VALUES (@id, @idx, @speaker, @start, @end, @text, @extra)",
                new SqlParameterList
                {
                    { "id", transcript.CallId }, { "idx", i }, { "speaker", TranscriptJson.SpeakerName(s.Speaker) },
                    { "start", s.Start }, { "end", s.End }, { "text", s.Text }, { "extra", s.Extra },
                }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<StoredCall?> GetAsync(string callId, CancellationToken cancellationToken)
    {
        var calls = await dataSource.QueryAsync($"SELECT {CallColumns} FROM calls WHERE call_id = @id",
            new SqlParameterList { { "id", callId } }, ReadCall, cancellationToken).ConfigureAwait(false);
        if (calls.Count == 0)
            return null;
        var attributes = await dataSource.QueryAsync("SELECT name, value FROM call_attributes WHERE call_id = @id ORDER BY name",
            new SqlParameterList { { "id", callId } }, r => (r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var stored = calls[0];
        return stored with { Call = stored.Call with { Attributes = attributes.ToDictionary(a => a.Item1, a => a.Item2) } };
    }

    /// <summary>Calls in call_id order, a page at a time (keyset paging: fast at any depth).</summary>
    public Task<List<StoredCall>> ListAsync(string? afterCallId, int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            $"SELECT {CallColumns} FROM calls {(afterCallId is null ? "" : "WHERE call_id > @after")} ORDER BY call_id LIMIT @limit",
            new SqlParameterList { { "after", afterCallId ?? "" }, { "limit", limit } }, ReadCall, cancellationToken);

    public async Task<Transcript?> GetTranscriptAsync(string callId, CancellationToken cancellationToken)
    {
        var header = await dataSource.QueryAsync("SELECT language, source FROM transcripts WHERE call_id = @id",
            new SqlParameterList { { "id", callId } }, r => (Language: r.GetString(0), Source: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        if (header.Count == 0)
            return null;
        var segments = await dataSource.QueryAsync(
            "SELECT speaker, start_s, end_s, text, extra FROM segments WHERE call_id = @id ORDER BY idx",
            new SqlParameterList { { "id", callId } },
            r => new TranscriptSegment(ParseSpeaker(r.GetString(0)), r.ReadDouble(1), r.ReadDouble(2), r.GetString(3)) { Extra = r.NullableString(4) },
            cancellationToken).ConfigureAwait(false);
        return new Transcript(callId, header[0].Language, header[0].Source, segments);
    }

    /// <summary>
    /// Moves a call to a status, only if it is still at <paramref name="revision"/> (a re-ingested call's old jobs change nothing).
    /// </summary>
    public async Task<bool> SetStatusAsync(string callId, int revision, CallStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await SetStatusAsync(transaction, callId, revision, status, error, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Starts a pipeline stage on a call: moves it to <paramref name="status"/> (transcribing or analyzing) only if it is
    /// still at <paramref name="revision"/> and not past that stage. A duplicate job (at-least-once delivery, a reconcile
    /// of a call that was only slow) arriving after the call moved on changes nothing and does nothing.
    /// </summary>
    public async Task<bool> StartStageAsync(string callId, int revision, CallStatus status, CancellationToken cancellationToken)
    {
        var from = status switch
        {
            CallStatus.Transcribing => "'queued', 'transcribing', 'failed'",
            CallStatus.Analyzing => "'queued', 'transcribing', 'analyzing', 'failed'",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "only transcribing and analyzing start a stage"),
        };
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await transaction.ExecuteAsync(
            $"UPDATE calls SET status = @status, error = NULL, updated_at_ms = @now WHERE call_id = @id AND revision = @revision AND status IN ({from})",
            new SqlParameterList { { "id", callId }, { "revision", revision }, { "status", status.ToWire() }, { "now", Now } },
            cancellationToken).ConfigureAwait(false) == 1;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Moves a call to a status inside the caller's transaction (e.g. with the job that produced it); false if re-ingested meanwhile.</summary>
    public async Task<bool> SetStatusAsync(StoreTransaction transaction, string callId, int revision, CallStatus status, string? error, CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            "UPDATE calls SET status = @status, error = @error, updated_at_ms = @now WHERE call_id = @id AND revision = @revision",
            new SqlParameterList { { "id", callId }, { "revision", revision }, { "status", status.ToWire() }, { "error", error }, { "now", Now } },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Stores the call's metrics as JSON (upsert: a re-run overwrites, never duplicates).</summary>
    public async Task SaveMetricsAsync(StoreTransaction transaction, string callId, int revision, string metricsJson, CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            """
            INSERT INTO call_metrics (call_id, revision, metrics, updated_at_ms) VALUES (@id, @revision, @metrics, @now)
            ON CONFLICT (call_id) DO UPDATE SET revision = @revision, metrics = @metrics, updated_at_ms = @now
            """,
            new SqlParameterList { { "id", callId }, { "revision", revision }, { "metrics", metricsJson }, { "now", Now } },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Stores the rule-set judgement of a revision (upsert): score, fatal flag and the hits as JSON.</summary>
    public async Task SaveJudgementAsync(StoreTransaction transaction, string callId, int revision, StoredJudgement judgement, CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            """
            INSERT INTO call_judgements (call_id, revision, ruleset, score, fatal, hits, category, categories, repeat_cues, updated_at_ms)
            VALUES (@id, @revision, @ruleset, @score, @fatal, @hits, @category, @categories, @cues, @now)
            ON CONFLICT (call_id) DO UPDATE SET revision = @revision, ruleset = @ruleset, score = @score, fatal = @fatal, hits = @hits,
                category = @category, categories = @categories, repeat_cues = @cues, updated_at_ms = @now
            """,
            new SqlParameterList
            {
                { "id", callId }, { "revision", revision }, { "ruleset", judgement.RuleSet }, { "score", judgement.Score },
                { "fatal", judgement.Fatal ? 1 : 0 }, { "hits", judgement.HitsJson }, { "category", judgement.Category },
                { "categories", judgement.CategoriesJson }, { "cues", judgement.RepeatCuesJson }, { "now", Now },
            },
            cancellationToken).ConfigureAwait(false);

    public async Task<StoredJudgement?> GetJudgementAsync(string callId, CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync("SELECT ruleset, score, fatal, hits, category, categories, repeat_cues FROM call_judgements WHERE call_id = @id",
            new SqlParameterList { { "id", callId } },
            r => new StoredJudgement(r.GetString(0), r.ReadInt(1), r.ReadLong(2) != 0, r.GetString(3),
                r.NullableString(4), r.NullableString(5), r.NullableString(6)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Stores what the audio analysis measured, as JSON (upsert).</summary>
    public async Task SaveAcousticsAsync(string callId, int revision, string acousticsJson, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            INSERT INTO call_acoustics (call_id, revision, acoustics, updated_at_ms) VALUES (@id, @revision, @json, @now)
            ON CONFLICT (call_id) DO UPDATE SET revision = @revision, acoustics = @json, updated_at_ms = @now
            """,
            new SqlParameterList { { "id", callId }, { "revision", revision }, { "json", acousticsJson }, { "now", Now } },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The audio analysis of the call's current revision, if it has been made.</summary>
    public async Task<string?> GetAcousticsAsync(string callId, int revision, CancellationToken cancellationToken) =>
        await dataSource.ScalarAsync<string>("SELECT acoustics FROM call_acoustics WHERE call_id = @id AND revision = @revision",
            new SqlParameterList { { "id", callId }, { "revision", revision } }, cancellationToken).ConfigureAwait(false);

    public async Task<string?> GetMetricsAsync(string callId, CancellationToken cancellationToken) =>
        await dataSource.ScalarAsync<string>("SELECT metrics FROM call_metrics WHERE call_id = @id",
            new SqlParameterList { { "id", callId } }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<CallStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync("SELECT status, COUNT(*) FROM calls GROUP BY status", null,
            r => (CallNames.ParseStatus(r.GetString(0)), r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>
    /// Calls whose pipeline is not finished (queued, transcribing, analyzing) and whose status has not changed since
    /// <paramref name="unchangedSince"/>, after <paramref name="afterCallId"/> in id order: what the job engine must
    /// (re-)enqueue when its queue may have lost them.
    /// </summary>
    public Task<List<(string CallId, int Revision, CallStatus Status)>> ListUnfinishedAsync(string? afterCallId, DateTimeOffset unchangedSince, int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            "SELECT call_id, revision, status FROM calls WHERE status IN ('queued', 'transcribing', 'analyzing') " +
            "AND updated_at_ms <= @since AND call_id > @after ORDER BY call_id LIMIT @limit",
            new SqlParameterList { { "since", unchangedSince.ToUnixTimeMilliseconds() }, { "after", afterCallId ?? "" }, { "limit", limit } },
            r => (r.GetString(0), (int)r.ReadLong(1), CallNames.ParseStatus(r.GetString(2))), cancellationToken);

    /// <summary>Queued calls whose status was set at or after <paramref name="sinceMs"/> (Unix ms), with that time, in id order after <paramref name="afterCallId"/>.</summary>
    public Task<List<QueuedCall>> ListQueuedSinceAsync(string? afterCallId, long sinceMs, int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            "SELECT call_id, revision, updated_at_ms, CASE WHEN audio_path IS NULL THEN 0 ELSE 1 END FROM calls WHERE status = 'queued' AND updated_at_ms >= @since AND call_id > @after ORDER BY call_id LIMIT @limit",
            new SqlParameterList { { "since", sinceMs }, { "after", afterCallId ?? "" }, { "limit", limit } },
            r => new QueuedCall(r.GetString(0), (int)r.ReadLong(1), r.ReadLong(2), r.ReadLong(3) != 0), cancellationToken);

    /// <summary>
    /// Puts every failed call back in the queue, keeping its revision: the job engine's reconcile pass enqueues them as it
    /// does newly ingested calls. Returns how many were requeued.
    /// </summary>
    public Task<int> RequeueFailedAsync(CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("UPDATE calls SET status = 'queued', error = NULL, updated_at_ms = @now WHERE status = 'failed'",
            new SqlParameterList { { "now", Now } }, cancellationToken);

    /// <summary>Failed calls with their reason, newest first.</summary>
    public Task<List<(string CallId, string? Error)>> ListFailedAsync(int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT call_id, error FROM calls WHERE status = 'failed' ORDER BY updated_at_ms DESC LIMIT @limit",
            new SqlParameterList { { "limit", limit } }, r => (r.GetString(0), r.NullableString(1)), cancellationToken);

    private static StoredCall ReadCall(DbDataReader r)
    {
        if (!CallNames.TryParseDirection(r.GetString(2), out var direction) || !CallNames.TryParseChannels(r.NullableString(13), out var channels))
            throw new InvalidDataException($"Call '{r.GetString(0)}' has an invalid direction or channel layout in the database.");
        var call = new Call
        {
            CallId = r.GetString(0),
            StartedAt = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
            Direction = direction,
            Caller = r.GetString(3),
            AgentId = r.GetString(4),
            AgentName = r.NullableString(5),
            Team = r.NullableString(6),
            Queue = r.NullableString(7),
            AccountNo = r.NullableString(8),
            Region = r.NullableString(9),
            HangupBy = r.NullableString(10),
            AudioPath = r.NullableString(11),
            AudioSha256 = r.NullableString(12),
            Channels = channels,
            TranscriptPath = r.NullableString(14),
            TranscriptSha256 = r.NullableString(15),
        };
        return new StoredCall(call, r.ReadInt(16), CallNames.ParseStatus(r.GetString(17)), r.NullableString(18),
            DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(19)));
    }

    private static Speaker ParseSpeaker(string value) => value switch
    {
        "agent" => Speaker.Agent,
        "customer" => Speaker.Customer,
        _ => Speaker.Unknown,
    };
}
