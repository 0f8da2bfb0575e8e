using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// Recognition cuts a sentence at a pause (第二阶梯是， | 一吨五块八毛三; 您这问题一套一套的 | 合着我们这儿是咨询台): a segment that
/// follows one of the same speaker within a second, with no sentence stop between them, is the rest of that sentence.
/// Clean transcripts end every sentence with a stop, so this reads nothing twice there.
/// </summary>
public static class SentenceContinuation
{
    /// <summary>Seconds between two segments of one speaker that can be halves of one sentence.</summary>
    public const double MaxGapSeconds = 1.0;

    private const string SentenceStops = "。.？?！!";

    public static bool Continues(TranscriptSegment before, TranscriptSegment after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Speaker == after.Speaker && after.Start - before.End <= MaxGapSeconds
            && before.Text.Length > 0 && !SentenceStops.Contains(before.Text[^1]);
    }
}
