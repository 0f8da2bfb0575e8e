using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>Today's figures for the QA office's wall display (大屏).</summary>
internal sealed record WallFigures(int CallsToday, int FatalToday, IReadOnlyList<(string Rule, int Calls)> TopRulesToday,
    IReadOnlyDictionary<CallStatus, long> CallsByStatus, JobStateCounts Jobs);

/// <summary>The admin's job dashboard and the wall display.</summary>
internal static class OperationsPages
{
    public static string Jobs(PortalText t, PortalSession user, (string Field, string Token) antiforgery, JobStateCounts counts,
        IReadOnlyList<JobListing> failed, IReadOnlyList<RecurringListing> recurring, IReadOnlyList<WorkerServer> servers)
    {
        var states = Html.Table(Enum.GetValues<JobListState>().Select(s => s.ToString()), [Enum.GetValues<JobListState>().Select(s => Html.E(counts[s].ToString(CultureInfo.InvariantCulture)))], "job-counts");
        var failedTable = Html.Table(["id", t["action"], t["call"], "attempts", "error", ""], failed.Select(j => (IEnumerable<string>)
        [
            Html.E(j.Id), Html.E(j.JobType), Html.E(j.CallId), Html.E(j.Attempt.ToString(CultureInfo.InvariantCulture)), Html.E(j.Detail),
            Html.Form($"/admin/jobs/{Uri.EscapeDataString(j.Id)}/retry", antiforgery.Field, antiforgery.Token, $"<button>{Html.E(t["retry"])}</button>", "inline") +
            Html.Form($"/admin/jobs/{Uri.EscapeDataString(j.Id)}/delete", antiforgery.Field, antiforgery.Token, $"<button>{Html.E(t["delete"])}</button>", "inline"),
        ]), "failed-jobs");
        var recurringTable = Html.Table(["id", "cron", "time zone", "next", "last"], recurring.Select(r => (IEnumerable<string>)
            [Html.E(r.Id), Html.E(r.Cron), Html.E(r.TimeZone), Html.E(r.NextRun is { } n ? Html.Time(n) : ""), Html.E(r.LastRun is { } l ? $"{Html.Time(l)} {r.LastState}" : "")]), "recurring-jobs");
        var workers = $"<p id=\"workers\">{Html.E(t["busyworkers"])}: {Html.E(servers.Count == 0 ? "—" : string.Join(", ", servers.Select(s => $"{s.Name} ({s.Workers})")))}</p>";
        var dashboard = $"<p id=\"hangfire-link\"><a href=\"{PortalHost.DashboardPath}\">{Html.E(t["hangfire"])}</a></p>";
        return Layout.Render(t, user, antiforgery, t["jobs"],
            $"{states}{workers}{dashboard}<h2>{Html.E(t["failedjobs"])}</h2>{failedTable}<h2>{Html.E(t["recurring"])}</h2>{recurringTable}");
    }

    public static string Wall(PortalText t, PortalSession user, (string Field, string Token) antiforgery, WallFigures f)
    {
        string Tile(string id, string key, string value, string @class = "") =>
            $"""<div class="tile {@class}" id="{id}"><div class="label">{Html.E(t[key])}</div><div class="value">{Html.E(value)}</div></div>""";
        var done = f.CallsByStatus.GetValueOrDefault(CallStatus.Scored);
        var all = f.CallsByStatus.Values.Sum();
        var body = $$"""
            <meta http-equiv="refresh" content="30">
            <style>.tiles{display:flex;gap:16px;flex-wrap:wrap}.tile{background:#0b5394;color:#fff;padding:16px 24px;min-width:200px}
            .tile .value{font-size:48px;font-weight:bold}.tile.fatal{background:#b00020}</style>
            <div class="tiles">
            {{Tile("wall-calls", "callstoday", f.CallsToday.ToString(CultureInfo.InvariantCulture))}}
            {{Tile("wall-fatal", "fataltoday", f.FatalToday.ToString(CultureInfo.InvariantCulture), "fatal")}}
            {{Tile("wall-progress", "progress", $"{done}/{all}")}}
            {{Tile("wall-pending", "pendingjobs", f.Jobs.Pending.ToString(CultureInfo.InvariantCulture))}}
            </div>
            <h2>{{Html.E(t["toprules"])}}</h2>
            {{Html.Table([t["rule"], t["calls"]], f.TopRulesToday.Select(r => (IEnumerable<string>)[Html.E(r.Rule), Html.E(r.Calls.ToString(CultureInfo.InvariantCulture))]), "wall-rules")}}
            """;
        return Layout.Render(t, user, antiforgery, t["wall"], body);
    }
}
