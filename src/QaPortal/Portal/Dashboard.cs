using SpeechQa.Batch.Store;
using SpeechQa.QaPortal.Search;
using SpeechQa.Search;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Per-team figures for the manager: calls, fatal and non-fatal errors per 100 calls.</summary>
public sealed record TeamFigures(string Team, int Calls, int FatalHits, int NonFatalHits)
{
    public double FatalPer100 => Calls == 0 ? 0 : 100.0 * FatalHits / Calls;
    public double NonFatalPer100 => Calls == 0 ? 0 : 100.0 * NonFatalHits / Calls;
}

/// <summary>The manager's dashboard figures, computed from the scored calls and the stored repeat chains.</summary>
public sealed record DashboardFigures(IReadOnlyList<TeamFigures> Teams, IReadOnlyList<(string Rule, int Calls)> TopRules, IReadOnlyList<(string Cause, int Chains)> RootCauses);

/// <summary>
/// Computes the dashboard from the search index's aggregations (the index exists to aggregate: 100 000 calls take a
/// few index queries, not a scan of every judgement) and keeps the figures for <see cref="Freshness"/>, so a wall
/// display or many managers do not recompute them per request. Fatal rules are the F-ids of the taxonomy.
/// </summary>
public sealed class Dashboard(StoreDataSource dataSource, SearchIndexing search, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

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

    private async Task<DashboardFigures> FreshAsync(CancellationToken cancellationToken)
    {
        var index = search.Index;
        var all = new SearchQuery();
        var teams = new List<TeamFigures>();
        foreach (var team in await index.AggregateAsync(all, new Aggregation.Terms(TermsField.Team, 100), cancellationToken).ConfigureAwait(false))
        {
            var rules = await index.AggregateAsync(new SearchQuery { Teams = [team.Key] }, new Aggregation.Terms(TermsField.Rule, 1000), cancellationToken).ConfigureAwait(false);
            teams.Add(new TeamFigures(team.Key, (int)team.Count, (int)rules.Where(r => r.Key.StartsWith('F')).Sum(r => r.Count), (int)rules.Where(r => !r.Key.StartsWith('F')).Sum(r => r.Count)));
        }
        var top = await index.AggregateAsync(all, new Aggregation.Terms(TermsField.Rule, 10), cancellationToken).ConfigureAwait(false);
        var causes = await dataSource.QueryAsync("SELECT root_cause, COUNT(*) FROM repeat_chains WHERE kind = 'chain' GROUP BY root_cause ORDER BY root_cause", null,
            r => (r.GetString(0), (int)r.ReadLong(1)), cancellationToken).ConfigureAwait(false);
        return new DashboardFigures([.. teams.OrderBy(t => t.Team, StringComparer.Ordinal)], [.. top.Select(r => (r.Key, (int)r.Count))], causes);
    }
}
