using System.Text.Json;
using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Per-team figures for the manager: calls, fatal and non-fatal errors per 100 calls.</summary>
public sealed record TeamFigures(string Team, int Calls, int FatalHits, int NonFatalHits)
{
    public double FatalPer100 => Calls == 0 ? 0 : 100.0 * FatalHits / Calls;
    public double NonFatalPer100 => Calls == 0 ? 0 : 100.0 * NonFatalHits / Calls;
}

/// <summary>The manager's dashboard figures, computed from the scored calls and the stored repeat chains.</summary>
public sealed record DashboardFigures(IReadOnlyList<TeamFigures> Teams, IReadOnlyList<(string Rule, int Calls)> TopRules, IReadOnlyList<(string Cause, int Chains)> RootCauses);

public sealed class Dashboard(StoreDataSource dataSource)
{
    public async Task<DashboardFigures> ComputeAsync(CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync(
            "SELECT c.team, j.hits FROM calls c JOIN call_judgements j ON j.call_id = c.call_id WHERE c.status = 'scored'", null,
            r => (Team: r.NullableString(0) ?? "—", Hits: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        var teams = new Dictionary<string, (int Calls, int Fatal, int NonFatal)>(StringComparer.Ordinal);
        var rules = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (team, hitsJson) in rows)
        {
            using var json = JsonDocument.Parse(hitsJson);
            var hits = json.RootElement.EnumerateArray().Select(h => (Rule: h.GetProperty("rule").GetString()!, Fatal: h.GetProperty("severity").GetString() == "fatal")).ToList();
            var f = teams.GetValueOrDefault(team);
            teams[team] = (f.Calls + 1, f.Fatal + hits.Count(h => h.Fatal), f.NonFatal + hits.Count(h => !h.Fatal));
            foreach (var rule in hits.Select(h => h.Rule).Distinct())
                rules[rule] = rules.GetValueOrDefault(rule) + 1;
        }
        var causes = await dataSource.QueryAsync("SELECT root_cause, COUNT(*) FROM repeat_chains WHERE kind = 'chain' GROUP BY root_cause ORDER BY root_cause", null,
            r => (r.GetString(0), (int)r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return new DashboardFigures(
            [.. teams.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TeamFigures(t.Key, t.Value.Calls, t.Value.Fatal, t.Value.NonFatal))],
            [.. rules.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(10).Select(r => (r.Key, r.Value))],
            causes);
    }
}
