using System.Globalization;
using System.Text;
using SpeechQa.QaPortal.Portal.Assignments;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>The QA lead's sampling page (抽检分配): a plan form, the last run's outcome, and each inspector's workload.</summary>
internal static class AssignmentPage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyList<string> inspectors,
        IReadOnlyList<InspectorLoad> loads, SamplingOutcome? outcome, string? error)
    {
        var body = new StringBuilder();
        var boxes = string.Join(" ", inspectors.Select(i => $"""<label><input type="checkbox" name="inspectors" value="{Html.E(i)}" checked> {Html.E(i)}</label>"""));
        body.Append(Html.Form("/assignments/sample", antiforgery.Field, antiforgery.Token, $"""
            <p>{Html.E(t["samplinghelp"])}</p>
            <label>{Html.E(t["from"])} <input type="date" name="from" required></label>
            <label>{Html.E(t["to"])} <input type="date" name="to" required></label>
            <label>{Html.E(t["percent"])} <input type="number" name="percent" value="5" min="0" max="100" step="0.5"></label>
            <label>{Html.E(t["scoreatmost"])} <input type="number" name="scoreAtMost" value="80" min="0" max="100"></label>
            <label>{Html.E(t["seed"])} <input name="seed" size="8"></label><br>{boxes}<br>
            <button type="submit" id="sample">{Html.E(t["assign"])}</button>
            """));
        if (error is not null)
            body.Append(CultureInfo.InvariantCulture, $"""<p class="error" id="sample-error">{Html.E(error)}</p>""");
        if (outcome is not null)
            body.Append(CultureInfo.InvariantCulture, $"""
                <p id="sample-outcome">{Html.E(t["considered"])} {outcome.Considered} · {Html.E(t["assigned"])} {outcome.Assigned}
                （{Html.E(t["fatal"])} {outcome.Fatal} · {Html.E(t["lowscore"])} {outcome.LowScore} · {Html.E(t["random"])} {outcome.Random}）·
                {Html.E(string.Join("，", outcome.PerInspector.Select(p => $"{p.Key} {p.Value}")))}</p>
                """);
        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(t["workload"])}</h2>");
        body.Append(Html.Table([t["inspector"], t["assigned"], t["reviewed"], t["openload"]], loads.Select(l => (IEnumerable<string>)
        [
            Html.E(l.Inspector), l.Assigned.ToString(CultureInfo.InvariantCulture), l.Reviewed.ToString(CultureInfo.InvariantCulture),
            (l.Assigned - l.Reviewed).ToString(CultureInfo.InvariantCulture),
        ]), "workload"));
        return Layout.Render(t, user, antiforgery, t["assignments"], body.ToString());
    }
}
