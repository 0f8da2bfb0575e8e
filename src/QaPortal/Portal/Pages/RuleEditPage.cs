using System.Globalization;
using System.Text;
using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal.RuleSets;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>What the rule editor shows besides the text: the check, a backtest, a message after publishing.</summary>
internal sealed record RuleEditState(string File, string Yaml, RuleSetCandidate? Check = null, BacktestResult? Backtest = null, string? Message = null, int? Viewing = null);

/// <summary>
/// The admin's editor for one rule file (a set's file or a shared file the sets include): the text, a line-numbered
/// listing with each error under its line (clicking an error selects that line in the text), a backtest against
/// stored calls with the per-rule change and the calls whose score moves, publish with a note, and the release
/// history with rollback.
/// </summary>
internal static class RuleEditPage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, RuleSetCatalog catalog,
        IReadOnlyList<string> files, IReadOnlyList<RuleRelease> history, RuleEditState state)
    {
        var body = new StringBuilder();
        var file = Html.E(state.File);
        var inForce = history.Count == 0 ? 0 : history.Max(r => r.Version);
        body.Append(CultureInfo.InvariantCulture, $"""<p>{Html.E(t["inforce"])}: <strong id="in-force">{Html.E(string.Join(", ", catalog.All.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Label)))}</strong> · <a href="/admin/rules">{Html.E(t["rulesets"])}</a></p>""");
        body.Append("<p id=\"rule-files\">" + string.Join(" · ", files.Select(f => f == state.File
            ? $"<strong>{Html.E(f)}</strong>" : $"""<a href="/admin/rules/edit?file={Uri.EscapeDataString(f)}">{Html.E(f)}</a>""")) + "</p>");
        if (state.Viewing is { } viewing)
            body.Append(CultureInfo.InvariantCulture, $"""<p class="note">{Html.E(t["viewingversion"])} v{viewing}</p>""");
        if (state.Message is not null)
            body.Append(CultureInfo.InvariantCulture, $"""<p id="rule-message"><strong>{Html.E(state.Message)}</strong></p>""");
        body.Append(Html.Form("/admin/rules/check", antiforgery.Field, antiforgery.Token, $"""
            <input type="hidden" name="file" value="{file}">
            <textarea name="yaml" id="yaml" rows="24" cols="110" spellcheck="false" style="font-family:monospace;width:100%">{Html.E(state.Yaml)}</textarea><br>
            <label>{Html.E(t["backtestsince"])} <input type="date" name="since"></label>
            <label>{Html.E(t["backtestlimit"])} <input type="number" name="limit" value="2000" min="1" max="100000"></label><br>
            <button type="submit" id="check" name="backtest" value="0">{Html.E(t["validate"])}</button>
            <button type="submit" id="backtest" name="backtest" value="1">{Html.E(t["backtest"])}</button>
            <label>{Html.E(t["publishnote"])} <input name="note" id="note" size="40"></label>
            <button type="submit" id="publish" formaction="/admin/rules/publish">{Html.E(t["publish"])}</button>
            <span class="note">{Html.E(t["versionauto"])}</span>
            """));
        if (state.Check is { } check)
            body.Append(check.IsValid ? $"""<p id="check-ok">✔ {Html.E(t["checkok"])}</p>""" : Errors(t, state.Yaml, check));
        if (state.Backtest is { } backtest)
            body.Append(Backtest(t, backtest));
        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(t["versions"])}</h2>");
        body.Append(Html.Table([t["version"], t["publishedby"], t["time"], t["publishnote"], t["changedfile"], ""], history.Select(r => (IEnumerable<string>)
        [
            $"v{r.Version}", Html.E(r.PublishedBy), Html.E(Html.Time(r.PublishedAt)), Html.E(r.Note), Html.E(r.ChangedFile),
            $"""<a href="/admin/rules/edit?file={Uri.EscapeDataString(state.File)}&version={r.Version}">{Html.E(t["view"])}</a> """ +
            (r.Version == inForce ? Html.E(t["inforce"]) : Html.Form("/admin/rules/rollback", antiforgery.Field, antiforgery.Token,
                $"""<input type="hidden" name="file" value="{file}"><input type="hidden" name="version" value="{r.Version}"><button type="submit" class="rollback" data-version="{r.Version}">{Html.E(t["rollback"])}</button>""", "inline")),
        ]), "versions"));
        body.Append("""
            <script>
            document.querySelectorAll('[data-line]').forEach(function (e) {
              e.addEventListener('click', function () {
                var area = document.getElementById('yaml'), lines = area.value.split('\n'), n = +e.dataset.line, start = 0;
                for (var i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
                area.focus(); area.setSelectionRange(start, start + (lines[n - 1] || '').length);
                area.scrollTop = Math.max(0, (n - 5) * 16);
              });
            });
            </script>
            """);
        return Layout.Render(t, user, antiforgery, $"{t["editrules"]} · {state.File}", body.ToString());
    }

    /// <summary>Errors of the edited text under their line (with two lines of context); errors elsewhere (includes, knowledge) listed with their file.</summary>
    private static string Errors(PortalText t, string yaml, RuleSetCandidate check)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<div id="check-errors"><p class="error">✘ {Html.E(t["checkfailed"])} ({check.Errors.Count})</p>""");
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inText = check.Errors.Where(e => e.File == RuleSetCandidate.EditedFile).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (inText.Count > 0)
        {
            var shown = new SortedSet<int>(inText.SelectMany(e => Enumerable.Range(Math.Max(1, e.Line - 2), 3)).Where(n => n <= lines.Length));
            sb.Append("""<pre class="listing" style="background:#fff;border:1px solid #d9e2ec;padding:6px">""");
            var previous = 0;
            foreach (var n in shown)
            {
                if (previous > 0 && n > previous + 1)
                    sb.Append("   …\n");
                sb.Append(CultureInfo.InvariantCulture, $"{n,4} │ {Html.E(lines[n - 1])}\n");
                foreach (var e in inText.Where(e => e.Line == n))
                    sb.Append(CultureInfo.InvariantCulture, $"""<span class="error rule-error" data-line="{e.Line}" style="cursor:pointer">{new string(' ', 6 + Math.Max(0, e.Column - 1))}^ 第 {e.Line} 行 第 {e.Column} 列 line {e.Line}:{e.Column} — {Html.E(e.Message)}</span>""").Append('\n');
                previous = n;
            }
            sb.Append("</pre>");
            foreach (var e in inText.Where(e => e.Line < 1 || e.Line > lines.Length))
                sb.Append(CultureInfo.InvariantCulture, $"""<p class="error rule-error">{Html.E(e.Message)}</p>""");
        }
        foreach (var e in check.Errors.Where(e => e.File != RuleSetCandidate.EditedFile))
            sb.Append(CultureInfo.InvariantCulture, $"""<p class="error rule-error">{Html.E(e.ToString())}</p>""");
        return sb.Append("</div>").ToString();
    }

    private static string Backtest(PortalText t, BacktestResult r)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            <h2>{Html.E(t["backtest"])}</h2><p id="backtest-summary">{Html.E(t["calls"])} {r.Calls} · {Html.E(t["scorechanged"])} {r.Changed} ·
            {Html.E(t["meanscore"])} {r.MeanActive:0.0} → {r.MeanCandidate:0.0} · {Html.E(t["fatal"])} {r.FatalActive} → {r.FatalCandidate}</p>
            """);
        sb.Append(Html.Table([t["rule"], t["inforce"], t["candidate"], t["change"]], r.Rules.Select(c => (IEnumerable<string>)
        [
            Html.E(c.Rule), c.Active.ToString(CultureInfo.InvariantCulture), c.Candidate.ToString(CultureInfo.InvariantCulture),
            c.Change == 0 ? "0" : $"""<strong>{c.Change.ToString("+0;-0", CultureInfo.InvariantCulture)}</strong>""",
        ]), "backtest-rules"));
        if (r.ChangedCalls.Count > 0)
        {
            static string Score(int score, bool fatal) => fatal ? "0 ✘" : score.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"<h3>{Html.E(t["changedcalls"])}</h3>");
            sb.Append(Html.Table([t["call"], t["inforce"], t["candidate"]], r.ChangedCalls.Select(c => (IEnumerable<string>)
                [$"""<a href="/calls/{Html.E(c.CallId)}">{Html.E(c.CallId)}</a>""", Score(c.ActiveScore, c.ActiveFatal), Score(c.CandidateScore, c.CandidateFatal)]), "backtest-calls"));
        }
        return sb.ToString();
    }
}
