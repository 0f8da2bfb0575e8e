using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Acoustics;

public sealed class AcousticAnalyzerTests
{
    private const int Rate = 16000;

    /// <summary>Speech-like bursts: noise with a syllable-rate envelope over a faint line-noise floor.</summary>
    private static float[] Channel(double seconds, int seed, params (double Start, double End, double Level)[] speech)
    {
        var random = new Random(seed);
        var samples = new float[(int)(seconds * Rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Rate;
            var value = (random.NextDouble() * 2 - 1) * 0.001;
            foreach (var (start, end, level) in speech)
            {
                if (t >= start && t < end)
                    value += (random.NextDouble() * 2 - 1) * level * (0.65 + 0.35 * Math.Sin(2 * Math.PI * 4 * t));
            }
            samples[i] = (float)value;
        }
        return samples;
    }

    [Fact]
    public void Analyze_FindsTalkSilencesOverlapsAndLoudness_WithinTheirTrueTimes()
    {
        var agent = Channel(13, 1, (0.5, 3.0, 0.2), (6.0, 8.0, 0.6)); // the second turn is ~10 dB louder
        var customer = Channel(13, 2, (2.5, 4.8, 0.2), (10.0, 12.0, 0.2));
        var analyzer = new AcousticAnalyzer(new VoiceActivityDetector(new VoiceActivityOptions()));

        var metrics = analyzer.Analyze([new SpeakerTrack(Speaker.Agent, agent, Rate), new SpeakerTrack(Speaker.Customer, customer, Rate)]);

        Assert.Equal(13, metrics.DurationSeconds);
        var a = metrics.Speakers[0];
        Assert.Equal(2, a.Regions.Count);
        AssertNear(0.5, a.Regions[0].Start);
        AssertNear(3.0, a.Regions[0].End);
        AssertNear(6.0, a.Regions[1].Start);
        AssertNear(4.5, a.TalkSeconds, 0.1);
        Assert.InRange(a.RelativeLoudnessDb[1] - a.RelativeLoudnessDb[0], 8, 11); // 20·log10(3) ≈ 9.5 dB
        Assert.Equal(2, metrics.Speakers[1].Regions.Count);

        Assert.Equal(2, metrics.Silences.Count);
        AssertNear(4.8, metrics.Silences[0].Start);
        AssertNear(6.0, metrics.Silences[0].End);
        AssertNear(8.0, metrics.Silences[1].Start);
        AssertNear(10.0, metrics.Silences[1].End);

        var overlap = Assert.Single(metrics.Overlaps);
        Assert.Equal((Speaker.Customer, Speaker.Agent), (overlap.Interrupter, overlap.Interrupted));
        AssertNear(2.5, overlap.Start);
        AssertNear(3.0, overlap.End);
    }

    [Fact]
    public void Detect_FindsNothingInASilentOrDigitallyZeroChannel()
    {
        var detector = new VoiceActivityDetector(new VoiceActivityOptions());
        Assert.Empty(detector.Detect(new float[Rate * 5], Rate));
        Assert.Empty(detector.Detect(Channel(5, 3), Rate));
    }

    private static void AssertNear(double expected, double actual, double tolerance = 0.05) =>
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
}
