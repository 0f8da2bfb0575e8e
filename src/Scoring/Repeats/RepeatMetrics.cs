using System.Globalization;

namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// FCR, repeat rate, callback timeliness and "does QA predict repeats" from an analysis. A call whose window has not
/// closed by <c>asOf</c> and that has no repeat yet is pending, not resolved: counting it would flatter the newest week.
/// </summary>
public static class RepeatMetrics
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static RepeatReport Compute(IReadOnlyCollection<CallContact> contacts, RepeatAnalysisResult analysis, RepeatPolicy policy, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(policy);
        var now = asOf ?? (contacts.Count == 0 ? DateTimeOffset.UtcNow : contacts.Max(c => c.StartedAt));
        var inbound = contacts.Where(c => !c.Outbound).ToList();
        var outcomes = inbound.Select(c => new Outcome(c,
            Repeated: analysis.WasRepeated(c.CallId),
            IsRepeat: analysis.Members.TryGetValue(c.CallId, out var m) && m.Kind == RepeatKind.Chain && m.Position > 1,
            Closed: analysis.WasRepeated(c.CallId) || c.StartedAt + policy.WindowFor(c.Category) <= now)).ToList();

        var resolution = new Dictionary<RepeatDimension, IReadOnlyList<ResolutionRow>>();
        foreach (var dimension in Enum.GetValues<RepeatDimension>())
        {
            resolution[dimension] = [.. outcomes.GroupBy(o => KeyOf(o.Call, dimension) ?? "—", StringComparer.Ordinal)
                .Select(g => Row(g.Key, g)).OrderBy(r => r.Key, StringComparer.Ordinal)];
        }

        var (callbacks, callbacksByTeam) = Callbacks(contacts, inbound, policy, now);
        var closed = outcomes.Where(o => o.Closed).ToList();
        var scored = closed.Where(o => o.Call.Score is not null).ToList();
        return new RepeatReport(
            now,
            Row("全部", outcomes),
            analysis.Chains.Count,
            analysis.Clusters.Count,
            analysis.Chains.GroupBy(c => c.RootCause).ToDictionary(g => g.Key, g => g.Count()),
            resolution,
            callbacks,
            callbacksByTeam,
            Correlation(scored.Select(o => ((double)o.Call.Score!.Value, o.Repeated ? 1.0 : 0.0)).ToList()),
            [.. Bands(scored)],
            Lifts(closed));
    }

    private sealed record Outcome(CallContact Call, bool Repeated, bool IsRepeat, bool Closed);

    private static ResolutionRow Row(string key, IEnumerable<Outcome> outcomes)
    {
        int calls = 0, repeated = 0, repeats = 0, pending = 0;
        foreach (var o in outcomes)
        {
            if (o.Closed)
                calls++;
            else
                pending++;
            if (o.Repeated)
                repeated++;
            if (o.IsRepeat)
                repeats++;
        }
        return new ResolutionRow(key, calls, repeated, repeats, pending);
    }

    private static string? KeyOf(CallContact call, RepeatDimension dimension) => dimension switch
    {
        RepeatDimension.Agent => call.AgentId,
        RepeatDimension.Team => call.Team,
        RepeatDimension.Category => call.Category,
        RepeatDimension.Region => call.Region,
        _ => WeekOf(call.StartedAt),
    };

    /// <summary>The Monday (China Standard Time) of the call's week, yyyy-MM-dd.</summary>
    public static string WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static (CallbackRow All, IReadOnlyList<CallbackRow> ByTeam) Callbacks(IReadOnlyCollection<CallContact> contacts, List<CallContact> inbound, RepeatPolicy policy, DateTimeOffset now)
    {
        var outbound = contacts.Where(c => c.Outbound && c.CallerKey is not null)
            .GroupBy(c => c.CallerKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.StartedAt).Order().ToList(), StringComparer.Ordinal);
        var categories = policy.Callback.Categories.ToHashSet(StringComparer.Ordinal);
        var rows = new List<(string Team, int Kind)>(); // 0 timely, 1 late, 2 missing
        foreach (var call in inbound)
        {
            if (call.Category is null || !categories.Contains(call.Category))
                continue;
            DateTimeOffset? first = null;
            if (call.CallerKey is { } key && outbound.TryGetValue(key, out var times))
            {
                var at = times.BinarySearch(call.StartedAt);
                at = at < 0 ? ~at : at;
                if (at < times.Count)
                    first = times[at];
            }
            var due = call.StartedAt + policy.Callback.Sla;
            if (first is { } f && f <= due)
                rows.Add((call.Team ?? "—", 0));
            else if (due <= now)
                rows.Add((call.Team ?? "—", first is null ? 2 : 1));
        }
        return (Callbacks("全部", rows), [.. rows.GroupBy(r => r.Team, StringComparer.Ordinal).Select(g => Callbacks(g.Key, g)).OrderBy(r => r.Key, StringComparer.Ordinal)]);

        static CallbackRow Callbacks(string key, IEnumerable<(string Team, int Kind)> rows)
        {
            var list = rows.ToList();
            return new CallbackRow(key, list.Count, list.Count(r => r.Kind == 0), list.Count(r => r.Kind == 1), list.Count(r => r.Kind == 2));
        }
    }

    /// <summary>Pearson correlation of score and repeated (0/1), i.e. point-biserial; null when either does not vary.</summary>
    private static double? Correlation(List<(double X, double Y)> pairs)
    {
        if (pairs.Count < 3)
            return null;
        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static IEnumerable<ScoreBand> Bands(List<Outcome> scored)
    {
        (string Name, int Min, int Max)[] bands = [("0–59", 0, 59), ("60–79", 60, 79), ("80–89", 80, 89), ("90–100", 90, 100)];
        foreach (var (name, min, max) in bands)
        {
            var inBand = scored.Where(o => o.Call.Score >= min && o.Call.Score <= max).ToList();
            yield return new ScoreBand(name, inBand.Count, inBand.Count(o => o.Repeated));
        }
    }

    private static List<RuleRepeatLift> Lifts(List<Outcome> closed)
    {
        var lifts = new List<RuleRepeatLift>();
        foreach (var rule in closed.SelectMany(o => o.Call.Rules).Distinct(StringComparer.Ordinal))
        {
            int withHit = 0, repeatedWith = 0, without = 0, repeatedWithout = 0;
            foreach (var o in closed)
            {
                if (o.Call.Rules.Contains(rule, StringComparer.Ordinal))
                {
                    withHit++;
                    repeatedWith += o.Repeated ? 1 : 0;
                }
                else
                {
                    without++;
                    repeatedWithout += o.Repeated ? 1 : 0;
                }
            }
            lifts.Add(new RuleRepeatLift(rule, withHit, repeatedWith, (double)repeatedWith / withHit, without == 0 ? 0 : (double)repeatedWithout / without));
        }
        return [.. lifts.OrderByDescending(l => l.Difference).ThenBy(l => l.Rule, StringComparer.Ordinal)];
    }
}
