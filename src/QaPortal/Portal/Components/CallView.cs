using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Portal.Reviews;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Repeats;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>What the call page shows: the call, its transcript and judgement, the reviews and appeals of its hits, its repeat chain.</summary>
public sealed record CallView(StoredCall Call, Transcript? Transcript, StoredJudgement? Judgement, IReadOnlyDictionary<string, HitReview> Reviews,
    (int Score, bool Fatal)? Reviewed, RepeatMembership? Repeat, bool HasAudio, IReadOnlyDictionary<string, Appeal> Appeals)
{
    // The hits are read once, and the call's length from them and the transcript (every timeline mark is placed by it).
    private readonly (IReadOnlyList<StoredHit> Hits, double Duration) _read = Read(Transcript, Judgement);

    public IReadOnlyList<StoredHit> Hits => _read.Hits;

    /// <summary>The transcript's segments by start time, each with its index (hits name segments by index).</summary>
    public IReadOnlyList<(TranscriptSegment Segment, int Index)> Segments { get; } =
        [.. (Transcript?.Segments ?? []).Select((s, index) => (s, index)).OrderBy(x => x.s.Start)];

    /// <summary>Stretches of at least <see cref="SilenceSeconds"/> where nobody speaks (from the transcript's timings).</summary>
    public IReadOnlyList<(double Start, double End)> Silences
    {
        get
        {
            var gaps = new List<(double, double)>();
            var heard = 0.0;
            foreach (var (s, _) in Segments)
            {
                if (s.Start - heard >= SilenceSeconds)
                    gaps.Add((heard, s.Start));
                heard = Math.Max(heard, s.End);
            }
            return gaps;
        }
    }

    /// <summary>Where agent and customer speak at once for at least <see cref="OverlapSeconds"/>.</summary>
    public IReadOnlyList<(double Start, double End)> Overlaps
    {
        get
        {
            var agent = Segments.Where(s => s.Segment.Speaker == Speaker.Agent).Select(s => s.Segment).ToList();
            var customer = Segments.Where(s => s.Segment.Speaker == Speaker.Customer).Select(s => s.Segment).ToList();
            return [.. agent.SelectMany(a => customer.Select(c => (Start: Math.Max(a.Start, c.Start), End: Math.Min(a.End, c.End))))
                .Where(o => o.End - o.Start >= OverlapSeconds).OrderBy(o => o.Start)];
        }
    }

    public const double SilenceSeconds = 3.0;

    public const double OverlapSeconds = 0.3;

    /// <summary>A time as a percentage of the timeline, for positioning marks.</summary>
    public string Percent(double seconds) => (100 * Math.Clamp(seconds / Duration, 0, 1)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long the timeline is: the call's duration as far as its segments and hits tell.</summary>
    public double Duration => _read.Duration;

    private static (IReadOnlyList<StoredHit>, double) Read(Transcript? transcript, StoredJudgement? judgement)
    {
        IReadOnlyList<StoredHit> hits = judgement?.HitsJson is { } json ? HitsJson.Read(json) : [];
        var end = (transcript?.Segments ?? []).Select(s => s.End).Concat(hits.Select(h => h.Start)).DefaultIfEmpty(0).Max();
        return (hits, Math.Max(1, end));
    }
}

/// <summary>What a manager or trainer can do from the call page besides reviewing: add a coaching clip, assign the call.</summary>
public sealed record CallTools(IReadOnlyList<Coaching.CoachingSet>? CoachingSets, IReadOnlyList<string>? Inspectors);
