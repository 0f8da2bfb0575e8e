using SpeechQa.Batch.Transcripts;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Acoustics;

/// <summary>
/// A stereo call voiced by espeak-ng's Mandarin voice (agent and customer with different pitch and speed),
/// placed with known gaps and one interruption: the measured silences and overlaps must be within 0.2 s of
/// where the utterances really start and end.
/// </summary>
public sealed class SyntheticCallTests : IDisposable
{
    private const int Rate = 16000;
    private readonly string _folder = Directory.CreateTempSubdirectory("speechqa-espeak-").FullName;

    [Fact]
    public async Task Analyze_StereoEspeakCall_FindsSilencesAndTheInterruptionWithin200ms()
    {
        var agent1 = await SpeakAsync("您好供水服务热线请问有什么可以帮您", pitch: 60, speed: 175);
        var customer1 = await SpeakAsync("我家从早上开始就没有水了", pitch: 30, speed: 160);
        var agent2 = await SpeakAsync("好的我帮您查一下", pitch: 60, speed: 175);
        var customer2 = await SpeakAsync("你们到底什么时候来水", pitch: 30, speed: 190);

        // Script: agent, 0.6 s pause, customer; 3 s of dead air; agent; customer cuts in 0.8 s before the agent ends.
        var a1 = 0.5;
        var c1 = a1 + agent1.Length / (double)Rate + 0.6;
        var a2 = c1 + customer1.Length / (double)Rate + 3.0;
        var c2 = a2 + agent2.Length / (double)Rate - 0.8;
        var total = c2 + customer2.Length / (double)Rate + 1.0;
        var agentTrack = new float[(int)(total * Rate)];
        var customerTrack = new float[agentTrack.Length];
        Place(agentTrack, agent1, a1);
        Place(customerTrack, customer1, c1);
        Place(agentTrack, agent2, a2);
        Place(customerTrack, customer2, c2);
        AddLineNoise(agentTrack, 1);
        AddLineNoise(customerTrack, 2);

        var metrics = new AcousticAnalyzer(new VoiceActivityDetector(new VoiceActivityOptions()))
            .Analyze([new SpeakerTrack(Speaker.Agent, agentTrack, Rate), new SpeakerTrack(Speaker.Customer, customerTrack, Rate)]);

        var silence = Assert.Single(metrics.Silences); // the 0.6 s turn gap is not dead air; the 3 s one is
        AssertNear(c1 + customer1.Length / (double)Rate, silence.Start);
        AssertNear(a2, silence.End);
        Assert.NotEmpty(metrics.Overlaps);
        Assert.All(metrics.Overlaps, o => Assert.Equal((Speaker.Customer, Speaker.Agent), (o.Interrupter, o.Interrupted)));
        AssertNear(c2, metrics.Overlaps.Min(o => o.Start));
        AssertNear(a2 + agent2.Length / (double)Rate, metrics.Overlaps.Max(o => o.End));
    }

    /// <summary>espeak-ng output at 16 kHz, trimmed to where the voice is audible (that is the truth we compare with).</summary>
    private async Task<float[]> SpeakAsync(string text, int pitch, int speed)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.wav");
        Tool.Run("espeak-ng", "-v", "cmn", "-p", pitch.ToString(), "-s", speed.ToString(), "-w", path, text);
        var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
        var samples = Resampler.Resample(audio.Channels[0], audio.SampleRate, Rate);
        var first = Array.FindIndex(samples, s => Math.Abs(s) > 0.01);
        var last = Array.FindLastIndex(samples, s => Math.Abs(s) > 0.01);
        return samples[first..(last + 1)];
    }

    private static void Place(float[] track, float[] clip, double at)
    {
        var offset = (int)(at * Rate);
        for (var i = 0; i < clip.Length; i++)
            track[offset + i] += clip[i];
    }

    private static void AddLineNoise(float[] track, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < track.Length; i++)
            track[i] += (float)((random.NextDouble() * 2 - 1) * 0.002);
    }

    private static void AssertNear(double expected, double actual) => Assert.InRange(actual, expected - 0.2, expected + 0.2);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
