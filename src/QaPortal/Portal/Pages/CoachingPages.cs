using System.Globalization;
using System.Text;
using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Portal.Coaching;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>A clip with the transcript lines it covers (already masked for the viewer).</summary>
internal sealed record ClipView(CoachingClip Clip, IReadOnlyList<(string Speaker, double Start, string Text)> Lines, bool HasAudio);

/// <summary>Trainers' coaching sets: the list with a form for a new set, and one set as a printable page.</summary>
internal static class CoachingPages
{
    public static string List(PortalText t, PortalSession user, (string Field, string Token) antiforgery, IReadOnlyList<CoachingSet> sets, bool canEdit)
    {
        var table = Html.Table([t["setname"], t["tags"], t["sharedwith"], t["createdby"]], sets.Select(s => (IEnumerable<string>)
        [
            $"""<a href="/coaching/{s.Id}">{Html.E(s.Name)}</a>""", Html.E(string.Join('，', s.Tags)), Html.E(string.Join('，', s.SharedWith)), Html.E(s.CreatedBy),
        ]), "coaching-sets");
        var form = !canEdit ? "" : Html.Form("/coaching", antiforgery.Field, antiforgery.Token, $"""
            <h2>{Html.E(t["newset"])}</h2><input name="name" placeholder="{Html.E(t["setname"])}" required>
            <input name="tags" placeholder="{Html.E(t["tags"])}"> <input name="sharedWith" placeholder="{Html.E(t["sharedwith"])}">
            <button type="submit">{Html.E(t["save"])}</button>
            """);
        return Layout.Render(t, user, antiforgery, t["coaching"], table + form);
    }

    public static string Set(PortalText t, PortalSession user, (string Field, string Token) antiforgery, CoachingSet set, IReadOnlyList<ClipView> clips, bool canEdit)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""<p>{Html.E(t["tags"])}：{Html.E(string.Join('，', set.Tags))} · {Html.E(t["sharedwith"])}：{Html.E(string.Join('，', set.SharedWith))}</p>""");
        body.Append(CultureInfo.InvariantCulture, $"""<p class="noprint"><a id="export" href="/coaching/{set.Id}/export.zip">{Html.E(t["exportzip"])}</a> <button onclick="window.print()">{Html.E(t["print"])}</button></p><ol id="clips">""");
        for (var i = 0; i < clips.Count; i++)
        {
            var (clip, lines, hasAudio) = (clips[i].Clip, clips[i].Lines, clips[i].HasAudio);
            body.Append(CultureInfo.InvariantCulture, $"""<li class="clip"><h3>{Html.E(clip.CallId)} · {Html.Seconds(clip.Start)}–{Html.Seconds(clip.End)}s</h3><p class="note">{Html.E(clip.Note)}</p>""");
            if (hasAudio)
                body.Append(CultureInfo.InvariantCulture, $"""<audio controls preload="none" src="/coaching/{set.Id}/clips/{clip.Id}/audio"></audio>""");
            foreach (var (speaker, start, text) in lines)
                body.Append(CultureInfo.InvariantCulture, $"""<div class="seg {speaker}"><small>{Html.Seconds(start)}s {Html.E(speaker == "agent" ? t["agent"] : t["customer"])}</small> {Html.E(text)}</div>""");
            if (canEdit)
            {
                body.Append(Html.Form($"/coaching/{set.Id}/clips/{clip.Id}/move", antiforgery.Field, antiforgery.Token,
                    $"""<button name="direction" value="-1"{(i == 0 ? " disabled" : "")}>↑</button><button name="direction" value="1"{(i == clips.Count - 1 ? " disabled" : "")}>↓</button>""", "inline noprint"));
            }
            body.Append("</li>");
        }
        body.Append("</ol>");
        return Layout.Render(t, user, antiforgery, set.Name, body.ToString());
    }

    /// <summary>The transcript lines a clip covers (a line overlapping the range counts), masked for the viewer.</summary>
    public static List<(string Speaker, double Start, string Text)> Lines(Transcript? transcript, CoachingClip clip, PersonalDataMask mask) =>
        [.. (transcript?.Segments ?? []).Where(s => s.End > clip.Start && s.Start < clip.End).OrderBy(s => s.Start)
            .Select(s => (TranscriptJson.SpeakerName(s.Speaker), s.Start, mask.Text(s.Text)))];

    /// <summary>The form on a call page that adds the current range to a set.</summary>
    public static string AddClipForm(PortalText t, (string Field, string Token) antiforgery, string callId, IReadOnlyList<CoachingSet> sets)
    {
        if (sets.Count == 0)
            return $"""<p class="noprint"><a href="/coaching">{Html.E(t["newset"])}</a></p>""";
        var options = string.Join("", sets.Select(s => $"""<option value="{s.Id}">{Html.E(s.Name)}</option>"""));
        return Html.Form($"/calls/{Uri.EscapeDataString(callId)}/clips", antiforgery.Field, antiforgery.Token, $"""
            <h2>{Html.E(t["addclip"])}</h2><select name="setId">{options}</select>
            <input name="start" id="clip-start" type="number" step="0.1" min="0" placeholder="{Html.E(t["clipstart"])}" required>
            <input name="end" id="clip-end" type="number" step="0.1" min="0" placeholder="{Html.E(t["clipend"])}" required>
            <input name="note" id="clip-note" placeholder="{Html.E(t["comment"])}"> <button type="submit" id="add-clip">{Html.E(t["addclip"])}</button>
            """, "noprint");
    }
}
