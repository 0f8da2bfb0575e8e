using System.Globalization;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Users;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>The manager's dashboard, and the admin's users and audit pages.</summary>
internal static class AdminPages
{
    public static string Dashboard(PortalText t, PortalSession user, (string Field, string Token) antiforgery, DashboardFigures figures)
    {
        var teams = Html.Table([t["team"], t["calls"], t["fatalper100"], t["nonfatalper100"]], figures.Teams.Select(f => (IEnumerable<string>)
        [
            Html.E(f.Team), Html.E(f.Calls.ToString(CultureInfo.InvariantCulture)),
            Html.E(f.FatalPer100.ToString("0.0", CultureInfo.InvariantCulture)), Html.E(f.NonFatalPer100.ToString("0.0", CultureInfo.InvariantCulture)),
        ]), "teams");
        var rules = Html.Table([t["rule"], t["calls"]], figures.TopRules.Select(r => (IEnumerable<string>)
            [$"""<a href="/queue?rule={Uri.EscapeDataString(r.Rule)}">{Html.E(r.Rule)}</a>""", Html.E(r.Calls.ToString(CultureInfo.InvariantCulture))]), "top-rules");
        var causes = Html.Table([t["rootcauses"], t["calls"]], figures.RootCauses.Select(c => (IEnumerable<string>)
            [Html.E(c.Cause + " " + (Enum.TryParse<RootCause>(c.Cause, out var rc) ? RootCauseNames.Chinese(rc) : "")), Html.E(c.Chains.ToString(CultureInfo.InvariantCulture))]), "root-causes");
        var data = System.Text.Json.JsonSerializer.Serialize(new
        {
            teams = figures.Teams.Select(f => f.Team), fatal = figures.Teams.Select(f => Math.Round(f.FatalPer100, 1)), nonFatal = figures.Teams.Select(f => Math.Round(f.NonFatalPer100, 1)),
            rules = figures.TopRules.Select(r => r.Rule), ruleCalls = figures.TopRules.Select(r => r.Calls),
            causes = figures.RootCauses.Select(c => new { name = c.Cause, value = c.Chains }),
            labels = new { fatal = t["fatalper100"], nonFatal = t["nonfatalper100"], rules = t["toprules"], causes = t["rootcauses"] },
        });
        // The charts draw from the same figures as the tables beside them (the tables stay for printing and without JavaScript).
        var charts = $$"""
            <div class="charts" style="display:flex;gap:16px;flex-wrap:wrap">
            <div id="chart-teams" style="width:480px;height:300px"></div><div id="chart-rules" style="width:480px;height:300px"></div>
            <div id="chart-causes" style="width:360px;height:300px"></div></div>
            <script src="/assets/echarts.min.js"></script>
            <script id="dashboard-data" type="application/json">{{data.Replace("</", "<\\/", StringComparison.Ordinal)}}</script>
            <script>
            (function () {
              if (!window.echarts) return;
              var d = JSON.parse(document.getElementById('dashboard-data').textContent);
              echarts.init(document.getElementById('chart-teams')).setOption({ animation: false, tooltip: {}, legend: { bottom: 0 }, xAxis: { type: 'category', data: d.teams }, yAxis: {},
                series: [{ name: d.labels.fatal, type: 'bar', data: d.fatal }, { name: d.labels.nonFatal, type: 'bar', data: d.nonFatal }] });
              var rules = echarts.init(document.getElementById('chart-rules'));
              rules.setOption({ animation: false, title: { text: d.labels.rules, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.rules }, yAxis: {}, series: [{ type: 'bar', data: d.ruleCalls }] });
              rules.on('click', function (p) { window.location = '/queue?rule=' + encodeURIComponent(p.name); });
              echarts.init(document.getElementById('chart-causes')).setOption({ animation: false, title: { text: d.labels.causes, textStyle: { fontSize: 14 } }, tooltip: {}, series: [{ type: 'pie', radius: '60%', data: d.causes }] });
              window.dashboardCharts = true;
            })();
            </script>
            """;
        return Layout.Render(t, user, antiforgery, t["dashboard"],
            charts + $"<h2>{Html.E(t["team"])}</h2>{teams}<h2>{Html.E(t["toprules"])}</h2>{rules}<h2>{Html.E(t["rootcauses"])}</h2>{causes}");
    }

    public static string MonthlyReport(PortalText t, PortalSession user, (string Field, string Token) antiforgery, Reports.MonthlyReportData report)
    {
        IEnumerable<string> Cells(Reports.ReportLine l) =>
        [
            Html.E(l.Key), Html.E(l.Calls.ToString(CultureInfo.InvariantCulture)), Html.E(l.FatalCalls.ToString(CultureInfo.InvariantCulture)),
            Html.E(l.FatalPer100.ToString("0.0", CultureInfo.InvariantCulture)), Html.E(l.NonFatalPer100.ToString("0.0", CultureInfo.InvariantCulture)),
            Html.E(l.MeanScore.ToString("0.0", CultureInfo.InvariantCulture)),
        ];
        string[] header = ["", t["calls"], t["fatalcalls"], t["fatalper100"], t["nonfatalper100"], t["meanscore"]];
        var body = $"""
            <p class="noprint"><form method="get" action="/reports/monthly" class="inline"><input type="month" name="month" value="{Html.E(report.Month)}"><button>{Html.E(t["filter"])}</button></form>
            <a id="xlsx" href="/reports/monthly.xlsx?month={Html.E(report.Month)}">{Html.E(t["excel"])}</a> <button onclick="window.print()">{Html.E(t["print"])}</button></p>
            <h2>{Html.E(report.Month)}</h2>{Html.Table(header, [Cells(report.Overall)], "report-overall")}
            <h2>{Html.E(t["team"])}</h2>{Html.Table(header, report.Teams.Select(Cells), "report-teams")}
            <h2>{Html.E(t["agent"])}</h2>{Html.Table(header, report.Agents.Select(Cells), "report-agents")}
            <h2>{Html.E(t["toprules"])}</h2>{Html.Table([t["rule"], t["calls"]], report.Rules.Select(r => (IEnumerable<string>)[Html.E(r.Rule), Html.E(r.Calls.ToString(CultureInfo.InvariantCulture))]), "report-rules")}
            <h2>{Html.E(t["rootcauses"])}</h2>{Html.Table([t["rootcauses"], t["calls"]], report.RootCauses.Select(c => (IEnumerable<string>)[Html.E(c.Cause), Html.E(c.Chains.ToString(CultureInfo.InvariantCulture))]), "report-causes")}
            """;
        return Layout.Render(t, user, antiforgery, t["monthly"], body);
    }

    public static string Users(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyList<PortalUser> users, string? message)
    {
        var table = Html.Table([t["user"], t["name"], t["role"], t["agent"], t["team"]], users.Select(u => (IEnumerable<string>)
            [Html.E(u.UserName), Html.E(u.DisplayName), Html.E(PortalRole.Chinese(u.Role)), Html.E(u.AgentId), Html.E(u.Team)]), "users");
        var roles = string.Join("", PortalRole.All.Select(r => $"""<option value="{r}">{Html.E(PortalRole.Chinese(r))}</option>"""));
        var form = Html.Form("/admin/users", antiforgery.Field, antiforgery.Token, $"""
            <h2>{Html.E(t["adduser"])}</h2>
            <input name="userName" placeholder="{Html.E(t["user"])}" required> <input name="displayName" placeholder="{Html.E(t["name"])}" required>
            <select name="role">{roles}</select> <input name="agentId" placeholder="{Html.E(t["agent"])}"> <input name="team" placeholder="{Html.E(t["team"])}">
            <input name="password" type="password" placeholder="{Html.E(t["password"])}" required> <button type="submit">{Html.E(t["save"])}</button>
            """);
        return Layout.Render(t, user, antiforgery, t["users"], (message is null ? "" : $"""<p class="error">{Html.E(message)}</p>""") + table + form);
    }

    public static string Audit(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyList<AuditEntry> entries) =>
        Layout.Render(t, user, antiforgery, t["audit"], Html.Table([t["time"], t["user"], t["action"], t["call"], ""], entries.Select(e => (IEnumerable<string>)
            [Html.E(Html.Time(e.At)), Html.E(e.UserName), Html.E(e.Action), Html.E(e.CallId), Html.E(e.Detail)]), "audit"));
}
