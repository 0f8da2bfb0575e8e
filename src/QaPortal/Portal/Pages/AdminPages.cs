using System.Globalization;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Users;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>The manager's dashboard, and the admin's users and audit pages.</summary>
internal static class AdminPages
{
    /// <summary>The dashboard's charts and tables (without the page frame, which depends on the user).</summary>
    public static string DashboardBody(PortalText t, DashboardFigures figures)
    {
        static string N(double value, string format = "0.0") => Html.E(value.ToString(format, CultureInfo.InvariantCulture));
        string Rates(string id, string keyHeader, IEnumerable<ErrorRates> rows, Func<string, string> link) =>
            Html.Table([keyHeader, t["calls"], t["fatalper100"], t["nonfatalper100"]], rows.Select(f => (IEnumerable<string>)
                [$"""<a href="{link(f.Key)}">{Html.E(f.Key)}</a>""", N(f.Calls, "0"), N(f.FatalPer100), N(f.NonFatalPer100)]), id);
        var teams = Rates("teams", t["team"], figures.Teams, k => "/queue?team=" + Uri.EscapeDataString(k));
        var agents = Rates("agents", t["agent"], figures.Agents, k => "/queue?agent=" + Uri.EscapeDataString(k));
        var weeks = Rates("weeks", t["week"], figures.Weeks, k => $"/queue?from={k}&to={DateOnly.ParseExact(k, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(6):yyyy-MM-dd}");
        var rules = Html.Table([t["rule"], t["calls"]], figures.TopRules.Select(r => (IEnumerable<string>)
            [$"""<a href="/queue?rule={Uri.EscapeDataString(r.Rule)}">{Html.E(r.Rule)}</a>""", N(r.Calls, "0")]), "top-rules");
        var bands = Html.Table([t["scoreband"], t["calls"]], figures.ScoreBands.Select(b => (IEnumerable<string>)[Html.E(b.Band), N(b.Calls, "0")]), "score-bands");
        var causes = Html.Table([t["rootcauses"], t["calls"]], figures.RootCauses.Select(c => (IEnumerable<string>)
            [Html.E(c.Cause + " " + (Enum.TryParse<RootCause>(c.Cause, out var rc) ? RootCauseNames.Chinese(rc) : "")), N(c.Chains, "0")]), "root-causes");
        var regions = figures.RegionHours.Select(c => c.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        var categories = figures.RegionHours.Select(c => c.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        var byRegionCategory = Html.Table([t["category"], .. regions], categories.Select(c => (IEnumerable<string>)
            [$"""<a href="/queue?category={Uri.EscapeDataString(c)}">{Html.E(c)}</a>""", .. regions.Select(r =>
                $"""<a href="/queue?category={Uri.EscapeDataString(c)}&region={Uri.EscapeDataString(r)}">{N(figures.RegionHours.Where(x => x.Region == r && x.Category == c).Sum(x => x.Calls), "0")}</a>""")]), "region-categories");
        var byRegionHour = Html.Table([t["region"], .. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))], regions.Select(r => (IEnumerable<string>)
            [Html.E(r), .. Enumerable.Range(0, 24).Select(h => N(figures.RegionHours.Where(x => x.Region == r && x.Hour == h).Sum(x => x.Calls), "0"))]), "region-hours");
        var repeats = "";
        if (figures.Repeats is { } report)
        {
            var fcrWeeks = report.Resolution.TryGetValue(RepeatDimension.Week, out var w) ? w : [];
            repeats = $"""
                <p id="fcr">{Html.E(t["fcr"])} <strong>{N(report.Overall.Fcr * 100)}%</strong> · {Html.E(t["repeatrate"])} {N(report.Overall.RepeatRate * 100)}% ·
                {Html.E(t["chains"])} {report.Chains} · {Html.E(t["clusters"])} {report.Clusters} ·
                {Html.E(t["callbacktimely"])} <strong id="callback-timeliness">{N(report.Callbacks.Timeliness * 100)}%</strong>（{report.Callbacks.Timely}/{report.Callbacks.Eligible}，{Html.E(t["late"])} {report.Callbacks.Late}，{Html.E(t["missing"])} {report.Callbacks.Missing}）</p>
                {Html.Table([t["week"], t["calls"], t["fcr"], t["repeatrate"]], fcrWeeks.Select(r => (IEnumerable<string>)[Html.E(r.Key), N(r.Calls, "0"), N(r.Fcr * 100) + "%", N(r.RepeatRate * 100) + "%"]), "fcr-weeks")}
                {Html.Table([t["team"], t["callbacks"], t["callbacktimely"], t["late"], t["missing"]], report.CallbacksByTeam.Select(r => (IEnumerable<string>)
                    [Html.E(r.Key), N(r.Eligible, "0"), N(r.Timeliness * 100) + "%", N(r.Late, "0"), N(r.Missing, "0")]), "callbacks-teams")}
                """;
        }
        var fcrSeries = figures.Repeats?.Resolution.GetValueOrDefault(RepeatDimension.Week) ?? [];
        var data = System.Text.Json.JsonSerializer.Serialize(new
        {
            teams = figures.Teams.Select(f => f.Key), fatal = figures.Teams.Select(f => Math.Round(f.FatalPer100, 1)), nonFatal = figures.Teams.Select(f => Math.Round(f.NonFatalPer100, 1)),
            weeks = figures.Weeks.Select(f => f.Key), weekFatal = figures.Weeks.Select(f => Math.Round(f.FatalPer100, 1)), weekNonFatal = figures.Weeks.Select(f => Math.Round(f.NonFatalPer100, 1)),
            agents = figures.Agents.Select(f => f.Key), agentFatal = figures.Agents.Select(f => Math.Round(f.FatalPer100, 1)), agentNonFatal = figures.Agents.Select(f => Math.Round(f.NonFatalPer100, 1)),
            rules = figures.TopRules.Select(r => r.Rule), ruleCalls = figures.TopRules.Select(r => r.Calls),
            bands = figures.ScoreBands.Select(b => b.Band), bandCalls = figures.ScoreBands.Select(b => b.Calls),
            regions, heat = regions.SelectMany((r, ri) => Enumerable.Range(0, 24).Select(h => new[] { h, ri, figures.RegionHours.Where(x => x.Region == r && x.Hour == h).Sum(x => x.Calls) })),
            causes = figures.RootCauses.Select(c => new { name = c.Cause, value = c.Chains }),
            fcrWeeks = fcrSeries.Select(r => r.Key), fcr = fcrSeries.Select(r => Math.Round(r.Fcr * 100, 1)),
            labels = new { fatal = t["fatalper100"], nonFatal = t["nonfatalper100"], rules = t["toprules"], causes = t["rootcauses"], bands = t["scoreband"], heat = t["regionhour"], fcr = t["fcr"], weeks = t["byweek"], agents = t["byagent"] },
        });
        // The charts draw from the same figures as the tables below them (the tables stay for printing and without JavaScript).
        var charts = $$"""
            <div class="charts" style="display:flex;gap:16px;flex-wrap:wrap">
            <div id="chart-teams" style="width:420px;height:280px"></div><div id="chart-weeks" style="width:420px;height:280px"></div>
            <div id="chart-agents" style="width:860px;height:280px"></div>
            <div id="chart-rules" style="width:420px;height:280px"></div><div id="chart-bands" style="width:420px;height:280px"></div>
            <div id="chart-heat" style="width:860px;height:260px"></div>
            <div id="chart-causes" style="width:420px;height:280px"></div><div id="chart-fcr" style="width:420px;height:280px"></div></div>
            <script src="/assets/echarts.min.js"></script>
            <script id="dashboard-data" type="application/json">{{data.Replace("</", "<\\/", StringComparison.Ordinal)}}</script>
            <script>
            (function () {
              if (!window.echarts) return;
              var d = JSON.parse(document.getElementById('dashboard-data').textContent);
              function chart(id, option, click) { var c = echarts.init(document.getElementById(id)); option.animation = false; c.setOption(option); if (click) c.on('click', click); return c; }
              function go(url) { return function (p) { window.location = url + encodeURIComponent(p.name); }; }
              function bars(title, x, a, b) { return { title: { text: title, textStyle: { fontSize: 14 } }, tooltip: {}, legend: { bottom: 0 }, xAxis: { type: 'category', data: x }, yAxis: {},
                series: [{ name: d.labels.fatal, type: 'bar', data: a }, { name: d.labels.nonFatal, type: 'bar', data: b }] }; }
              chart('chart-teams', bars('', d.teams, d.fatal, d.nonFatal), go('/queue?team='));
              var w = bars(d.labels.weeks, d.weeks, d.weekFatal, d.weekNonFatal); w.series.forEach(function (s) { s.type = 'line'; }); chart('chart-weeks', w);
              chart('chart-agents', bars(d.labels.agents, d.agents, d.agentFatal, d.agentNonFatal), go('/queue?agent='));
              chart('chart-rules', { title: { text: d.labels.rules, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.rules }, yAxis: {}, series: [{ type: 'bar', data: d.ruleCalls }] }, go('/queue?rule='));
              chart('chart-bands', { title: { text: d.labels.bands, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.bands }, yAxis: {}, series: [{ type: 'bar', data: d.bandCalls }] });
              var max = Math.max.apply(null, d.heat.map(function (x) { return x[2]; }).concat([1]));
              var hours = []; for (var h = 0; h < 24; h++) hours.push(h);
              chart('chart-heat', { title: { text: d.labels.heat, textStyle: { fontSize: 14 } }, tooltip: {}, grid: { left: 80, top: 30, bottom: 50 }, xAxis: { type: 'category', data: hours }, yAxis: { type: 'category', data: d.regions },
                visualMap: { min: 0, max: max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 }, series: [{ type: 'heatmap', data: d.heat }] },
                function (p) { window.location = '/queue?region=' + encodeURIComponent(d.regions[p.value[1]]); });
              chart('chart-causes', { title: { text: d.labels.causes, textStyle: { fontSize: 14 } }, tooltip: {}, series: [{ type: 'pie', radius: '60%', data: d.causes }] });
              chart('chart-fcr', { title: { text: d.labels.fcr, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.fcrWeeks }, yAxis: { min: 0, max: 100 }, series: [{ type: 'line', data: d.fcr }] });
              window.dashboardCharts = true;
            })();
            </script>
            """;
        return charts +
            ($"<h2>{Html.E(t["fcr"])}</h2>{repeats}<h2>{Html.E(t["team"])}</h2>{teams}<h2>{Html.E(t["byweek"])}</h2>{weeks}<h2>{Html.E(t["byagent"])}</h2>{agents}" +
            $"<h2>{Html.E(t["toprules"])}</h2>{rules}<h2>{Html.E(t["scoreband"])}</h2>{bands}<h2>{Html.E(t["regioncategory"])}</h2>{byRegionCategory}" +
            $"<h2>{Html.E(t["regionhour"])}</h2>{byRegionHour}<h2>{Html.E(t["rootcauses"])}</h2>{causes}");
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
