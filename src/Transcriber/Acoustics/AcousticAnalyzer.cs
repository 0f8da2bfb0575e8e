using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber.Acoustics;

/// <summary>Runs voice activity detection per speaker track and derives silences, overlaps and relative loudness.</summary>
public sealed class AcousticAnalyzer(VoiceActivityDetector detector)
{
    /// <summary>Gaps shorter than this are turn-taking, not silence worth reporting.</summary>
    public const double MinSilenceSeconds = 1.0;

    public AcousticMetrics Analyze(IReadOnlyList<SpeakerTrack> tracks)
    {
        var duration = tracks.Count == 0 ? 0 : tracks.Max(t => t.DurationSeconds);
        var speakers = tracks.Select(t =>
        {
            var regions = detector.Detect(t.Samples, t.SampleRate);
            var median = Median(regions.Select(r => r.LoudnessDb));
            return new SpeakerActivity(t.Speaker, Math.Round(regions.Sum(r => r.Duration), 2), regions,
                regions.Select(r => Math.Round(r.LoudnessDb - median, 1)).ToList());
        }).ToList();
        return new AcousticMetrics(Math.Round(duration, 2), speakers, Silences(speakers), Overlaps(speakers));
    }

    private static List<Silence> Silences(List<SpeakerActivity> speakers)
    {
        var all = speakers.SelectMany(s => s.Regions).OrderBy(r => r.Start).ToList();
        var silences = new List<Silence>();
        if (all.Count == 0)
            return silences;
        var quietFrom = all[0].End; // the latest end so far: everyone is quiet after it
        foreach (var region in all.Skip(1))
        {
            if (region.Start - quietFrom >= MinSilenceSeconds)
                silences.Add(new Silence(quietFrom, region.Start));
            quietFrom = Math.Max(quietFrom, region.End);
        }
        return silences;
    }

    private static List<Overlap> Overlaps(List<SpeakerActivity> speakers)
    {
        var overlaps = new List<Overlap>();
        for (var a = 0; a < speakers.Count; a++)
        {
            for (var b = a + 1; b < speakers.Count; b++)
            {
                foreach (var x in speakers[a].Regions)
                {
                    foreach (var y in speakers[b].Regions)
                    {
                        var start = Math.Max(x.Start, y.Start);
                        var end = Math.Min(x.End, y.End);
                        if (end <= start)
                            continue;
                        // Whoever began later spoke over the other.
                        var (interrupter, interrupted) = y.Start >= x.Start ? (speakers[b].Speaker, speakers[a].Speaker) : (speakers[a].Speaker, speakers[b].Speaker);
                        overlaps.Add(new Overlap(start, end, interrupter, interrupted));
                    }
                }
            }
        }
        return overlaps.OrderBy(o => o.Start).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
