using System.Globalization;
using System.Text.Json;
using SpeechQa.Batch.Store;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.Pipeline.Repeats;

/// <summary>
/// Scored calls as repeat analysis reads them, and its results: <c>repeat_members</c> (each call's chain or cluster,
/// position, root cause) and <c>repeat_chains</c> (origin, root cause, explanation). Saving writes only what changed,
/// in one transaction, so recomputing after late calls is cheap, idempotent and safe to interrupt.
/// </summary>
public sealed class RepeatStore(StoreDataSource dataSource)
{
    public async Task<List<CallContact>> LoadContactsAsync(CancellationToken cancellationToken) =>
        await dataSource.QueryAsync(
            """
            SELECT c.call_id, c.started_at, c.direction, c.caller, c.account_no, c.region, c.agent_id, c.team,
                   j.category, j.score, j.fatal, j.hits, j.repeat_cues
            FROM calls c JOIN call_judgements j ON j.call_id = c.call_id
            WHERE c.status = 'scored'
            """, null,
            r => new CallContact
            {
                CallId = r.GetString(0),
                StartedAt = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                Outbound = r.GetString(2) == "outbound",
                CallerNumber = r.NullableString(3),
                AccountNo = r.NullableString(4),
                Region = r.NullableString(5),
                AgentId = r.NullableString(6),
                Team = r.NullableString(7),
                Category = r.NullableString(8),
                Score = r.ReadInt(9),
                Fatal = r.ReadLong(10) != 0,
                Rules = RulesOf(r.GetString(11)),
                Cues = CueMatchJson.Deserialize(r.NullableString(12)),
            }, cancellationToken).ConfigureAwait(false);

    private static string[] RulesOf(string hitsJson) => [.. SpeechQa.Scoring.Judging.HitsJson.Read(hitsJson).Select(h => h.Rule).Distinct(StringComparer.Ordinal)];

    private static readonly JsonSerializerOptions ReportJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Keeps the latest repeat-call figures (FCR, callbacks…) for the dashboard, which must not recompute them per request.</summary>
    public async Task SaveReportAsync(RepeatReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("DELETE FROM repeat_reports WHERE id = 1", null, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("INSERT INTO repeat_reports (id, computed_at_ms, report) VALUES (1, @at, @report)",
            new SqlParameterList { { "at", report.AsOf.ToUnixTimeMilliseconds() }, { "report", JsonSerializer.Serialize(report, ReportJson) } }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The figures of the last repeats run; null before the first.</summary>
    public async Task<RepeatReport?> LoadReportAsync(CancellationToken cancellationToken) =>
        await dataSource.ScalarAsync<string>("SELECT report FROM repeat_reports WHERE id = 1", null, cancellationToken).ConfigureAwait(false) is { } json
            ? JsonSerializer.Deserialize<RepeatReport>(json, ReportJson) : null;

    /// <summary>Replaces the stored results with <paramref name="result"/>; returns the calls whose place changed.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(RepeatAnalysisResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var stored = (await transaction.QueryAsync("SELECT call_id, chain_id, kind, origin_call_id, position, root_cause FROM repeat_members", null,
                r => (Id: r.GetString(0), Member: new RepeatMembership(r.GetString(1), Kind(r.GetString(2)), r.GetString(3), r.ReadInt(4), Enum.Parse<RootCause>(r.GetString(5)))),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(x => x.Id, x => x.Member, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var (callId, _) in stored.Where(s => !result.Members.ContainsKey(s.Key)))
        {
            await transaction.ExecuteAsync("DELETE FROM repeat_members WHERE call_id = @id", new SqlParameterList { { "id", callId } }, cancellationToken).ConfigureAwait(false);
            changed.Add(callId);
        }
        foreach (var (callId, member) in result.Members)
        {
            if (stored.TryGetValue(callId, out var old) && old == member)
                continue;
            await transaction.ExecuteAsync(
                """
                INSERT INTO repeat_members (call_id, chain_id, kind, origin_call_id, position, root_cause)
                VALUES (@id, @chain, @kind, @origin, @position, @cause)
                ON CONFLICT (call_id) DO UPDATE SET chain_id = @chain, kind = @kind, origin_call_id = @origin, position = @position, root_cause = @cause
                """,
                new SqlParameterList
                {
                    { "id", callId }, { "chain", member.ChainId }, { "kind", KindName(member.Kind) }, { "origin", member.OriginCallId },
                    { "position", member.Position }, { "cause", member.RootCause.ToString() },
                }, cancellationToken).ConfigureAwait(false);
            changed.Add(callId);
        }
        // Chains are few beside calls and carry their explanation: rewritten whole.
        await transaction.ExecuteAsync("DELETE FROM repeat_chains", null, cancellationToken).ConfigureAwait(false);
        foreach (var chain in result.Chains.Concat(result.Clusters))
        {
            await transaction.ExecuteAsync(
                """
                INSERT INTO repeat_chains (chain_id, kind, origin_call_id, root_cause, calls, first_at_ms, last_at_ms, explanation, call_ids)
                VALUES (@id, @kind, @origin, @cause, @calls, @first, @last, @explanation, @callIds)
                """,
                new SqlParameterList
                {
                    { "id", chain.Id }, { "kind", KindName(chain.Kind) }, { "origin", chain.Origin.CallId }, { "cause", chain.RootCause.ToString() },
                    { "calls", chain.Calls.Count }, { "first", chain.Origin.StartedAt.ToUnixTimeMilliseconds() },
                    { "last", chain.Calls[^1].StartedAt.ToUnixTimeMilliseconds() }, { "explanation", chain.Explanation },
                    { "callIds", string.Join(',', chain.Calls.Select(c => c.CallId)) },
                }, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public async Task<RepeatMembership?> GetMemberAsync(string callId, CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync("SELECT chain_id, kind, origin_call_id, position, root_cause FROM repeat_members WHERE call_id = @id",
            new SqlParameterList { { "id", callId } },
            r => new RepeatMembership(r.GetString(0), Kind(r.GetString(1)), r.GetString(2), r.ReadInt(3), Enum.Parse<RootCause>(r.GetString(4))),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string KindName(RepeatKind kind) => kind == RepeatKind.Cluster ? "cluster" : "chain";

    private static RepeatKind Kind(string name) => name == "cluster" ? RepeatKind.Cluster : RepeatKind.Chain;
}
