using System.Globalization;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>The inspectors' work queue (and an agent's own calls): fatal first, then the lowest score; filters in the query string.</summary>
internal static class QueuePage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, string title, string action,
        QueueFilter filter, IReadOnlyList<QueueRow> rows)
    {
        string Input(string name, string key, string? value, string type = "text") =>
            $"""<label>{Html.E(t[key])} <input type="{type}" name="{name}" value="{Html.E(value)}"></label>""";
        var form = $"""
            <form method="get" action="{Html.E(action)}" class="filters">
            <label>{Html.E(t["said"])} <input type="search" name="q" id="q" value="{Html.E(filter.Text)}" placeholder="不归我们管"></label>
            {Input("from", "from", filter.From?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
            {Input("to", "to", filter.To?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
            {(user.Role == PortalRole.Agent ? "" : Input("agent", "agent", filter.Agent) + Input("team", "team", filter.Team))}
            {Input("category", "category", filter.Category)}{Input("rule", "rule", filter.Rule)}{Input("region", "region", filter.Region)}
            {(user.Role == PortalRole.Inspector ? $"""<label><input type="checkbox" name="mine" value="1" id="mine"{(filter.AssignedTo is null ? "" : " checked")}> {Html.E(t["mine"])}</label>""" : "")}
            <button type="submit">{Html.E(t["filter"])}</button></form>
            """;
        if (rows.Count == 0)
            return Layout.Render(t, user, antiforgery, title, form + $"""<p id="queue-empty">{Html.E(t["empty"])}</p>""");
        var table = Html.Table(
            [t["call"], t["time"], t["agent"], t["team"], t["region"], t["category"], t["score"], t["reviewed"], t["assignee"], t["hits"]],
            rows.Select(r => (IEnumerable<string>)
            [
                $"""<a href="/calls/{Uri.EscapeDataString(r.CallId)}">{Html.E(r.CallId)}</a>""",
                Html.E(Html.Time(r.StartedAt)), Html.E($"{r.AgentId} {r.AgentName}"), Html.E(r.Team), Html.E(r.Region), Html.E(r.Category),
                r.Fatal ? $"""<span class="fatal">0 {Html.E(t["fatal"])}</span>""" : Html.E(r.Score.ToString(CultureInfo.InvariantCulture)),
                Html.E(r.ReviewedScore?.ToString(CultureInfo.InvariantCulture)), Html.E(r.AssignedTo),
                Html.E(string.Join(' ', Rules(r.HitsJson))) + (r.Snippet is { } s ? $"""<div class="snippet">{Html.E(new PersonalDataMask(user.Role).Text(s))}</div>""" : ""),
            ]), "queue");
        return Layout.Render(t, user, antiforgery, title, form + table);
    }

    public static IEnumerable<string> Rules(string hitsJson) => [.. SpeechQa.Scoring.Judging.HitsJson.Read(hitsJson).Select(h => h.Rule).Distinct(StringComparer.Ordinal)];
}
