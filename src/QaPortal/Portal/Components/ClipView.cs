using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Portal.Coaching;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>A coaching clip with the transcript lines it covers (already masked for the viewer) and its call's recording, if on disk.</summary>
public sealed record ClipView(CoachingClip Clip, IReadOnlyList<(string Speaker, double Start, string Text)> Lines, string? Recording)
{
    public bool HasAudio => Recording is not null;

    /// <summary>The transcript lines a clip covers (a line overlapping the range counts), masked for the viewer.</summary>
    public static List<(string Speaker, double Start, string Text)> LinesOf(Transcript? transcript, CoachingClip clip, PersonalDataMask mask) =>
        [.. (transcript?.Segments ?? []).Where(s => s.End > clip.Start && s.Start < clip.End).OrderBy(s => s.Start)
            .Select(s => (TranscriptJson.SpeakerName(s.Speaker), s.Start, mask.Text(s.Text)))];
}
