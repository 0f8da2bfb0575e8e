using System.Text.Json;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>The dashboard's figures shaped for its charts (the same figures its tables show).</summary>
public static class DashboardChartData
{
    public static string Json(DashboardFigures figures, PortalText t, IReadOnlyList<string> regions)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(t);
        var fcr = figures.Repeats?.Resolution.GetValueOrDefault(RepeatDimension.Week) ?? [];
        return JsonSerializer.Serialize(new
        {
            teams = figures.Teams.Select(f => f.Key), fatal = figures.Teams.Select(f => Math.Round(f.FatalPer100, 1)), nonFatal = figures.Teams.Select(f => Math.Round(f.NonFatalPer100, 1)),
            weeks = figures.Weeks.Select(f => f.Key), weekFatal = figures.Weeks.Select(f => Math.Round(f.FatalPer100, 1)), weekNonFatal = figures.Weeks.Select(f => Math.Round(f.NonFatalPer100, 1)),
            agents = figures.Agents.Select(f => f.Key), agentFatal = figures.Agents.Select(f => Math.Round(f.FatalPer100, 1)), agentNonFatal = figures.Agents.Select(f => Math.Round(f.NonFatalPer100, 1)),
            rules = figures.TopRules.Select(r => r.Rule), ruleCalls = figures.TopRules.Select(r => r.Calls),
            bands = figures.ScoreBands.Select(b => b.Band), bandCalls = figures.ScoreBands.Select(b => b.Calls),
            regions, heat = regions.SelectMany((r, ri) => Enumerable.Range(0, 24).Select(h => new[] { h, ri, figures.RegionHours.Where(x => x.Region == r && x.Hour == h).Sum(x => x.Calls) })),
            causes = figures.RootCauses.Select(c => new { name = c.Cause, value = c.Chains }),
            fcrWeeks = fcr.Select(r => r.Key), fcr = fcr.Select(r => Math.Round(r.Fcr * 100, 1)),
            labels = new { fatal = t["fatalper100"], nonFatal = t["nonfatalper100"], rules = t["toprules"], causes = t["rootcauses"], bands = t["scoreband"], heat = t["regionhour"], fcr = t["fcr"], weeks = t["byweek"], agents = t["byagent"] },
        });
    }
}
