using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>
/// Where ASR cuts the speech: a long segment split at a clause boundary near its middle (a pause there), and two
/// short segments of one speaker in a row, close in time, written as one. Times are shared out by characters, so
/// every segment stays inside the span of the speech it came from and the order of segments is kept.
/// </summary>
internal static class SegmentBoundaries
{
    private const double ShortSeconds = 4.0;
    private const double MergeGapSeconds = 1.0;
    private const double SplitMinSeconds = 2.0;
    private const string ClauseMarks = "，。？！；,?!;";

    /// <summary>Segments in time order, with pairs of one speaker's short turns merged at the level.</summary>
    public static List<TranscriptSegment> Merge(IReadOnlyList<TranscriptSegment> ordered, NoiseDice dice)
    {
        var result = new List<TranscriptSegment>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            if (i + 1 < ordered.Count && ordered[i + 1] is var b && b.Speaker == a.Speaker
                && a.Duration <= ShortSeconds && b.Duration <= ShortSeconds && b.Start >= a.End && b.Start - a.End <= MergeGapSeconds
                && dice.Roll(AsrChange.Merge))
            {
                var joint = a.Text.Length == 0 || ClauseMarks.Contains(a.Text[^1], StringComparison.Ordinal) ? "" : "，";
                result.Add(new TranscriptSegment(a.Speaker, a.Start, Math.Max(a.End, b.End), a.Text + joint + b.Text));
                i++;
                continue;
            }
            result.Add(a);
        }
        return result;
    }

    /// <summary>The segment, or its two halves when it has an inner clause boundary and the split is rolled.</summary>
    public static IEnumerable<TranscriptSegment> Split(TranscriptSegment segment, NoiseDice dice)
    {
        var cut = InnerBoundaryNearMiddle(segment.Text);
        if (cut is not { } k || segment.Duration < SplitMinSeconds || !dice.Roll(AsrChange.Split))
            return [segment];
        var at = segment.Start + segment.Duration * k / segment.Text.Length;
        return
        [
            new TranscriptSegment(segment.Speaker, segment.Start, at, segment.Text[..k]),
            new TranscriptSegment(segment.Speaker, at, segment.End, segment.Text[k..]),
        ];
    }

    // The index just after the clause mark nearest the middle, not counting a mark that ends the text.
    private static int? InnerBoundaryNearMiddle(string text)
    {
        int? best = null;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (ClauseMarks.Contains(text[i], StringComparison.Ordinal) && (best is null || Math.Abs(i + 1 - text.Length / 2) < Math.Abs(best.Value - text.Length / 2)))
                best = i + 1;
        }
        return best;
    }
}
