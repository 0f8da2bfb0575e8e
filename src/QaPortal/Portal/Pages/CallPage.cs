using System.Globalization;
using System.Text;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Portal.Reviews;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>What the call page shows.</summary>
internal sealed record CallView(StoredCall Call, Transcript? Transcript, StoredJudgement? Judgement, IReadOnlyDictionary<string, HitReview> Reviews,
    (int Score, bool Fatal)? Reviewed, RepeatMembership? Repeat, bool HasAudio, IReadOnlyDictionary<string, Appeal> Appeals);

/// <summary>
/// The call page: masked call facts, the audio player (seekable; range requests), the two-speaker transcript — click a
/// line to play from there, the current line follows playback — with hit segments marked, and the hits with their
/// evidence and, for inspectors, confirm / overturn with a comment.
/// </summary>
internal static class CallPage
{
    public static string Render(PortalText t, PortalSession user, (string Field, string Token) antiforgery, PersonalDataMask mask, CallView view, string trainerTools = "")
    {
        var call = view.Call.Call;
        var body = new StringBuilder();
        var score = view.Judgement is null ? "-" : view.Judgement.Fatal ? $"""<span class="fatal">0 {Html.E(t["fatal"])}</span>""" : view.Judgement.Score.ToString(CultureInfo.InvariantCulture);
        body.Append(Html.Table([t["time"], t["caller"], t["account"], t["agent"], t["team"], t["region"], t["category"], t["score"], t["reviewed"]],
        [[
            Html.E(Html.Time(call.StartedAt)), $"""<span id="caller">{Html.E(mask.Number(call.Caller))}</span>""", Html.E(mask.Number(call.AccountNo)),
            Html.E($"{call.AgentId} {call.AgentName}"), Html.E(call.Team), Html.E(call.Region), Html.E(view.Judgement?.Category), score,
            $"""<span id="reviewed-score">{Html.E(view.Reviewed is { } r ? (r.Fatal ? "0 " + t["fatal"] : r.Score.ToString(CultureInfo.InvariantCulture)) : "")}</span>""",
        ]], "call-facts"));
        if (view.Repeat is { } repeat)
            body.Append(CultureInfo.InvariantCulture, $"""<p id="repeat">{Html.E(t["repeat"])}: {Html.E(repeat.ChainId)} · {repeat.Position} · {Html.E(repeat.RootCause.ToString())} {Html.E(RootCauseNames.Chinese(repeat.RootCause))}</p>""");
        var callPath = "/calls/" + Uri.EscapeDataString(call.CallId);
        body.Append(view.HasAudio
            ? $"""<audio id="player" controls preload="metadata" src="{callPath}/audio"></audio>"""
            : $"""<p id="no-audio">{Html.E(t["noaudio"])}</p>""");

        var hits = Hits(view.Judgement?.HitsJson);
        var hitSegments = hits.Select(h => h.Segment).ToHashSet();
        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(t["transcript"])}</h2><div id=\"transcript\">");
        // Hits name segments by their index in the transcript; the page lists them by start time.
        var segments = (view.Transcript?.Segments ?? []).Select((s, index) => (Segment: s, Index: index)).OrderBy(x => x.Segment.Start).ToList();
        foreach (var (s, i) in segments)
        {
            var speaker = TranscriptJson.SpeakerName(s.Speaker);
            var who = speaker == "agent" ? t["agent"] : speaker == "customer" ? t["customer"] : speaker;
            var text = Html.E(mask.Text(s.Text));
            body.Append(CultureInfo.InvariantCulture,
                $"""<div class="seg {speaker}" data-start="{Html.Seconds(s.Start)}" data-end="{Html.Seconds(s.End)}"><small>{Html.Seconds(s.Start)}s {Html.E(who)}</small> {(hitSegments.Contains(i) ? $"<span class=\"hit\">{text}</span>" : text)}</div>""");
        }
        body.Append("</div>");

        body.Append(CultureInfo.InvariantCulture, $"<h2>{Html.E(t["hits"])}</h2>");
        var canReview = user.Role is PortalRole.Inspector or PortalRole.Admin;
        body.Append(Html.Table([t["rule"], t["fatal"], t["time"], t["evidence"], t["decision"], t["appeal"]], hits.Select(h =>
        {
            view.Reviews.TryGetValue(h.Rule, out var review);
            var state = review is null ? t["pending"] : t[review.Decision] + (review.Comment is { Length: > 0 } c ? "：" + c : "") + $" · {review.Reviewer}";
            var form = !canReview ? "" : Html.Form($"{callPath}/hits/{Uri.EscapeDataString(h.Rule)}/review", antiforgery.Field, antiforgery.Token,
                $"""<input name="comment" placeholder="{Html.E(t["comment"])}"><button name="decision" value="confirmed">{Html.E(t["confirm"])}</button><button name="decision" value="overturned">{Html.E(t["overturn"])}</button>""",
                "inline");
            return (IEnumerable<string>)
            [
                $"""<span class="rule" data-start="{Html.Seconds(h.Start)}">{Html.E(h.Rule)} {Html.E(h.Name)}</span>""",
                h.Fatal ? $"<span class=\"fatal\">{Html.E(t["fatal"])}</span>" : Html.E(h.Points.ToString(CultureInfo.InvariantCulture)),
                Html.E(Html.Seconds(h.Start) + "s"), Html.E(mask.Text(h.Evidence)), $"<span class=\"review-state\">{Html.E(state)}</span> {form}",
                AppealCell(t, user, antiforgery, callPath, h.Rule, view.Appeals.GetValueOrDefault(h.Rule), canReview),
            ];
        }), "hits"));
        body.Append(trainerTools);
        body.Append("""
            <script>
            (function () {
              var player = document.getElementById('player');
              var lines = Array.prototype.slice.call(document.querySelectorAll('#transcript .seg, #hits .rule'));
              lines.forEach(function (line) {
                line.addEventListener('click', function () {
                  if (!player) return;
                  player.currentTime = parseFloat(line.getAttribute('data-start'));
                  player.play();
                });
              });
              if (!player) return;
              var segs = Array.prototype.slice.call(document.querySelectorAll('#transcript .seg'));
              player.addEventListener('timeupdate', function () {
                var now = player.currentTime, current = null;
                segs.forEach(function (s) { if (parseFloat(s.getAttribute('data-start')) <= now) current = s; });
                segs.forEach(function (s) { s.classList.toggle('current', s === current); });
                if (current) current.scrollIntoView({ block: 'nearest' });
              });
            })();
            </script>
            """);
        return Layout.Render(t, user, antiforgery, $"{t["call"]} {call.CallId}", body.ToString());
    }

    /// <summary>The appeal of one hit: its state, the agent's form to file one, or the inspector's form to rule on an open one.</summary>
    private static string AppealCell(PortalText t, PortalSession user, (string Field, string Token) antiforgery, string callPath, string rule, Appeal? appeal, bool canReview)
    {
        var path = $"{callPath}/hits/{Uri.EscapeDataString(rule)}";
        if (appeal is null)
        {
            return user.Role != PortalRole.Agent ? "" : Html.Form(path + "/appeal", antiforgery.Field, antiforgery.Token,
                $"""<input name="reason" placeholder="{Html.E(t["appealreason"])}" required><button type="submit">{Html.E(t["fileappeal"])}</button>""", "inline");
        }
        var text = $"""<span class="appeal-state">{Html.E(t[appeal.Status])}：{Html.E(appeal.Reason)}{(appeal.Ruling is { } r ? " → " + Html.E(r) + " · " + Html.E(appeal.RuledBy) : "")}</span>""";
        if (appeal.Status != Appeal.Open || !canReview)
            return text;
        return text + Html.Form(path + "/ruling", antiforgery.Field, antiforgery.Token,
            $"""<input name="ruling" placeholder="{Html.E(t["ruling"])}" required><button name="upheld" value="true">{Html.E(t["uphold"])}</button><button name="upheld" value="false">{Html.E(t["reject"])}</button>""",
            "inline");
    }

    private static IReadOnlyList<SpeechQa.Scoring.Judging.StoredHit> Hits(string? hitsJson) => hitsJson is null ? [] : SpeechQa.Scoring.Judging.HitsJson.Read(hitsJson);
}
