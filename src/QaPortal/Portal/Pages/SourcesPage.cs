using System.Globalization;
using System.Text;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>One source as the page shows it: its settings, whether the folder is there, its scans and manifests so far.</summary>
internal sealed record SourceRow(RecordingSource Source, bool FolderExists, DateTimeOffset? NextScan, DateTimeOffset? LastScan, long Manifests);

/// <summary>The admin's recording sources (录音来源): recorder export folders, which channel is the agent, rule set, scan schedule.</summary>
internal static class SourcesPage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyList<SourceRow> rows,
        IEnumerable<string> ruleSets, string? error)
    {
        var body = new StringBuilder();
        body.Append(Html.Table([t["setname"], t["folder"], t["channels"], t["rulesets"], t["cron"], t["nextscan"], t["lastscan"], t["manifests"], ""], rows.Select(r => (IEnumerable<string>)
        [
            Html.E(r.Source.Name), Html.E(r.Source.Folder) + (r.FolderExists ? "" : $""" <span class="error">{Html.E(t["nofolder"])}</span>"""),
            Html.E(ChannelText(t, r.Source.Channels)), Html.E(r.Source.RuleSet ?? t["defaultruleset"]), Html.E(r.Source.Cron),
            Html.E(r.NextScan is { } n ? Html.Time(n) : ""), Html.E(r.LastScan is { } l ? Html.Time(l) : ""), r.Manifests.ToString(CultureInfo.InvariantCulture),
            Html.Form("/admin/sources/remove", antiforgery.Field, antiforgery.Token,
                $"""<input type="hidden" name="folder" value="{Html.E(r.Source.Folder)}"><button type="submit">{Html.E(t["delete"])}</button>""", "inline"),
        ]), "sources"));
        var sets = string.Join("", ruleSets.Select(s => $"<option value=\"{Html.E(s)}\">{Html.E(s)}</option>"));
        body.Append(Html.Form("/admin/sources", antiforgery.Field, antiforgery.Token, $"""
            <h2>{Html.E(t["addsource"])}</h2>
            <label>{Html.E(t["setname"])} <input name="name" placeholder="呼叫中心录音服务器"></label>
            <label>{Html.E(t["folder"])} <input name="folder" size="40" placeholder="/srv/recorder/export" required></label>
            <label>{Html.E(t["channels"])} <select name="channels"><option value="agent-left">{Html.E(t["agentleft"])}</option><option value="agent-right">{Html.E(t["agentright"])}</option><option value="mono">{Html.E(t["mono"])}</option></select></label>
            <label>{Html.E(t["rulesets"])} <select name="ruleSet"><option value="">{Html.E(t["defaultruleset"])}</option>{sets}</select></label>
            <label>{Html.E(t["cron"])} <input name="cron" value="*/5 * * * *" size="12"></label>
            <button type="submit" id="save-source">{Html.E(t["save"])}</button>
            """));
        if (error is not null)
            body.Append(CultureInfo.InvariantCulture, $"""<p class="error" id="source-error">{Html.E(error)}</p>""");
        return Layout.Render(t, user, antiforgery, t["sources"], body.ToString());
    }

    private static string ChannelText(PortalText t, ChannelLayout layout) => layout switch
    {
        ChannelLayout.AgentLeft => t["agentleft"],
        ChannelLayout.AgentRight => t["agentright"],
        ChannelLayout.Mono => t["mono"],
        _ => "",
    };
}
