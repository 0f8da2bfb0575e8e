using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Search;
using SpeechQa.Search;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Calls and fatal / non-fatal errors per 100 calls for one team, agent or week.</summary>
public sealed record ErrorRates(string Key, int Calls, int FatalHits, int NonFatalHits)
{
    public double FatalPer100 => Calls == 0 ? 0 : 100.0 * FatalHits / Calls;
    public double NonFatalPer100 => Calls == 0 ? 0 : 100.0 * NonFatalHits / Calls;
}

/// <summary>Calls of one region in one hour of the day (Beijing time), by category.</summary>
public sealed record RegionHourCell(string Region, int Hour, string Category, int Calls);

/// <summary>The manager's dashboard figures, computed from the search index, the scored calls and the last repeats run.</summary>
public sealed record DashboardFigures(
    IReadOnlyList<ErrorRates> Teams,
    IReadOnlyList<ErrorRates> Agents,
    IReadOnlyList<ErrorRates> Weeks,
    IReadOnlyList<(string Rule, int Calls)> TopRules,
    IReadOnlyList<(string Band, int Calls)> ScoreBands,
    IReadOnlyList<RegionHourCell> RegionHours,
    IReadOnlyList<(string Cause, int Chains)> RootCauses,
    SpeechQa.Scoring.Repeats.RepeatReport? Repeats);

/// <summary>
/// Computes the dashboard from the search index's aggregations (the index exists to aggregate: 100 000 calls take a
/// few index queries, not a scan of every judgement) and keeps the figures for <see cref="Freshness"/>, so a wall
/// display or many managers do not recompute them per request. Fatal rules are the F-ids of the taxonomy.
/// </summary>
public sealed class Dashboard(StoreDataSource dataSource, SearchIndexing search, SpeechQa.Pipeline.Repeats.RepeatStore repeats, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _cached; // replaced whole, so readers never see half of one

    private sealed record Snapshot(DateTimeOffset At, DashboardFigures Figures);

    public void Dispose() => _gate.Dispose();

    public async Task<DashboardFigures> ComputeAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && time.GetUtcNow() - cached.At < Freshness)
            return cached.Figures;
        // One request recomputes; the others keep getting the previous figures meanwhile (they are seconds old).
        if (cached is not null && !await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            return cached.Figures;
        if (cached is null)
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && time.GetUtcNow() - again.At < Freshness)
                return again.Figures;
            var figures = await FreshAsync(cancellationToken).ConfigureAwait(false);
            _cached = new Snapshot(time.GetUtcNow(), figures);
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Score bands as the QA reports use them (a fatal call scores 0, so it is in the lowest).</summary>
    public static IReadOnlyList<(string Band, SearchQuery Query)> Bands { get; } =
    [
        ("0–59", new SearchQuery { ScoreMax = 59 }), ("60–69", new SearchQuery { ScoreMin = 60, ScoreMax = 69 }),
        ("70–79", new SearchQuery { ScoreMin = 70, ScoreMax = 79 }), ("80–89", new SearchQuery { ScoreMin = 80, ScoreMax = 89 }),
        ("90–100", new SearchQuery { ScoreMin = 90 }),
    ];

    /// <summary>At most this many agents are shown (those with the most calls).</summary>
    public const int AgentsShown = 30;

    private async Task<DashboardFigures> FreshAsync(CancellationToken cancellationToken)
    {
        var index = search.Index;
        var all = new SearchQuery();
        async Task<ErrorRates> RatesAsync(string key, long calls, SearchQuery query)
        {
            var rules = await index.AggregateAsync(query, new Aggregation.Terms(TermsField.Rule, 1000), cancellationToken).ConfigureAwait(false);
            return new ErrorRates(key, (int)calls, (int)rules.Where(r => r.Key.StartsWith('F')).Sum(r => r.Count), (int)rules.Where(r => !r.Key.StartsWith('F')).Sum(r => r.Count));
        }
        var teams = new List<ErrorRates>();
        foreach (var team in await index.AggregateAsync(all, new Aggregation.Terms(TermsField.Team, 100), cancellationToken).ConfigureAwait(false))
            teams.Add(await RatesAsync(team.Key, team.Count, new SearchQuery { Teams = [team.Key] }).ConfigureAwait(false));
        var agents = new List<ErrorRates>();
        foreach (var agent in await index.AggregateAsync(all, new Aggregation.Terms(TermsField.Agent, AgentsShown), cancellationToken).ConfigureAwait(false))
            agents.Add(await RatesAsync(agent.Key, agent.Count, new SearchQuery { Agents = [agent.Key] }).ConfigureAwait(false));
        var weeks = new List<ErrorRates>();
        foreach (var week in (await index.AggregateAsync(all, new Aggregation.DateHistogram(CalendarInterval.Week), cancellationToken).ConfigureAwait(false)).TakeLast(12))
        {
            var monday = new DateTimeOffset(DateOnly.ParseExact(week.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            weeks.Add(await RatesAsync(week.Key, week.Count, new SearchQuery { From = monday, To = monday.AddDays(7) }).ConfigureAwait(false));
        }
        var top = await index.AggregateAsync(all, new Aggregation.Terms(TermsField.Rule, 10), cancellationToken).ConfigureAwait(false);
        var bands = await index.AggregateAsync(all, new Aggregation.Filters(Bands.ToDictionary(b => b.Band, b => b.Query)), cancellationToken).ConfigureAwait(false);
        var bandCounts = bands.ToDictionary(b => b.Key, b => (int)b.Count, StringComparer.Ordinal);
        // Hour of day in Beijing time from the epoch milliseconds: the same integer arithmetic on SQLite and PostgreSQL.
        var regionHours = await dataSource.QueryAsync(
            """
            SELECT COALESCE(c.region, ''), ((c.started_at_ms / 3600000) + 8) % 24, COALESCE(j.category, ''), COUNT(*)
            FROM calls c JOIN call_judgements j ON j.call_id = c.call_id
            GROUP BY COALESCE(c.region, ''), ((c.started_at_ms / 3600000) + 8) % 24, COALESCE(j.category, '')
            """, null, r => new RegionHourCell(r.GetString(0), (int)r.ReadLong(1), r.GetString(2), (int)r.ReadLong(3)), cancellationToken).ConfigureAwait(false);
        var causes = await dataSource.QueryAsync("SELECT root_cause, COUNT(*) FROM repeat_chains WHERE kind = 'chain' GROUP BY root_cause ORDER BY root_cause", null,
            r => (r.GetString(0), (int)r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return new DashboardFigures([.. teams.OrderBy(t => t.Key, StringComparer.Ordinal)], [.. agents.OrderBy(a => a.Key, StringComparer.Ordinal)], weeks,
            [.. top.Select(r => (r.Key, (int)r.Count))], [.. Bands.Select(b => (b.Band, bandCounts.GetValueOrDefault(b.Band)))], regionHours, causes,
            await repeats.LoadReportAsync(cancellationToken).ConfigureAwait(false));
    }
}
