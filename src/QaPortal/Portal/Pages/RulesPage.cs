using System.Globalization;
using System.Text;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>
/// The admin's rule sets: every loaded set with its rules (id, name, severity, points, cap), and a tester that runs a
/// set on a pasted dialogue — one line per sentence, 坐席：/客户： (or agent:/customer:) first — and shows each hit with
/// its evidence. Lines are placed 4 s apart, so timing rules (greeting window, silence) judge a plain, even call.
/// </summary>
internal static class RulesPage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyCollection<RuleSet> sets,
        string? dialogue, string? chosen, CallJudgement? result, string? error)
    {
        var body = new StringBuilder();
        foreach (var set in sets.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            body.Append(CultureInfo.InvariantCulture, $"""<h2>{Html.E(set.Label)} {Html.E(set.Name)} <a href="/admin/rules/edit?file={Uri.EscapeDataString(Path.GetFileName(set.SourceFile))}" class="edit-rules">{Html.E(t["edit"])}</a></h2>""");
            body.Append(Html.Table([t["rule"], t["name"], t["fatal"], t["points"]], set.Rules.Select(r => (IEnumerable<string>)
            [
                Html.E(r.Id), Html.E(r.Name), r.Severity == Severity.Fatal ? $"<span class=\"fatal\">{Html.E(t["fatal"])}</span>" : "",
                Html.E(r.Severity == Severity.Fatal ? "" : $"{r.Points} / {r.Cap}"),
            ]), "rules-" + set.Id));
        }
        var options = string.Join("", sets.Select(s => $"""<option value="{Html.E(s.Id)}"{(s.Id == chosen ? " selected" : "")}>{Html.E(s.Label)}</option>"""));
        body.Append(Html.Form("/admin/rules/test", antiforgery.Field, antiforgery.Token, $"""
            <h2>{Html.E(t["testrule"])}</h2><select name="ruleSet">{options}</select><br>
            <textarea name="dialogue" id="dialogue" rows="10" cols="80" placeholder="坐席：您好，供水服务热线，请问有什么可以帮您？&#10;客户：我家停水了。">{Html.E(dialogue)}</textarea><br>
            <button type="submit" id="run-test">{Html.E(t["runtest"])}</button>
            """));
        if (error is not null)
            body.Append(CultureInfo.InvariantCulture, $"""<p class="error" id="test-error">{Html.E(error)}</p>""");
        if (result is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<p id="test-score">{Html.E(t["score"])}: {(result.Fatal ? "0 " + Html.E(t["fatal"]) : result.Score.ToString(CultureInfo.InvariantCulture))}</p>""");
            body.Append(Html.Table([t["rule"], t["name"], t["time"], t["evidence"]], result.Hits.Select(h => (IEnumerable<string>)
                [Html.E(h.Rule), Html.E(h.RuleName), Html.E(Html.Seconds(h.Start) + "s"), Html.E(h.Evidence)]), "test-hits"));
        }
        return Layout.Render(t, user, antiforgery, t["rulesets"], body.ToString());
    }

    /// <summary>The pasted dialogue as a transcript; a line without a known speaker is an error naming its line number.</summary>
    public static Transcript Parse(string dialogue)
    {
        var segments = new List<TranscriptSegment>();
        var lines = (dialogue ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var colon = line.IndexOfAny(['：', ':']);
            var who = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            var speaker = who switch
            {
                "坐席" or "客服" or "agent" => Speaker.Agent,
                "客户" or "customer" => Speaker.Customer,
                _ => throw new FormatException($"第 {i + 1} 行没有说话人：请以“坐席：”或“客户：”开头 line {i + 1} has no speaker: start it with 坐席： or 客户："),
            };
            var start = segments.Count * 4.0;
            segments.Add(new TranscriptSegment(speaker, start, start + 3.5, line[(colon + 1)..].Trim()));
        }
        if (segments.Count == 0)
            throw new FormatException("请粘贴至少一行对话 paste at least one line of dialogue");
        return new Transcript("pasted", "zh", "pasted", segments);
    }
}
