using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Audio;

public sealed class ResamplerTests
{
    private static float[] Sine(double frequency, int rate, double seconds, double amplitude = 0.5) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    [Theory]
    [InlineData(8000, 1000)]
    [InlineData(8000, 3400)]
    [InlineData(44100, 5000)]
    [InlineData(48000, 250)]
    public void Resample_To16k_ReproducesTheSignal(int fromRate, double frequency)
    {
        var output = Resampler.Resample(Sine(frequency, fromRate, 1.0), fromRate, 16000);
        var expected = Sine(frequency, 16000, 1.0);

        Assert.Equal(16000, output.Length);
        var maxError = 0.0;
        for (var i = 800; i < 15200; i++) // away from the edges, where the filter sees zeros
            maxError = Math.Max(maxError, Math.Abs(output[i] - expected[i]));
        Assert.True(maxError < 5e-3, $"max error {maxError}");
    }

    [Fact]
    public void Resample_Downwards_RemovesWhatTheNewRateCannotHold()
    {
        var aliased = Resampler.Resample(Sine(10_000, 44100, 1.0), 44100, 16000); // above the new 8 kHz Nyquist
        var peak = aliased.Skip(800).Take(14400).Max(Math.Abs);
        Assert.True(peak < 0.005, $"10 kHz leaked through with amplitude {peak}");
    }

    [Fact]
    public void Split_AssignsChannelsBySetting_AndMonoIsUnknown()
    {
        var left = Sine(300, 8000, 0.5);
        var right = Sine(600, 8000, 0.5, amplitude: 0.1);
        var stereo = new DecodedAudio(8000, [left, right]);

        var agentRight = SpeakerChannels.Split(stereo, ChannelLayout.AgentRight, ChannelLayout.AgentLeft, "x.wav");
        var byDefault = SpeakerChannels.Split(stereo, ChannelLayout.Default, ChannelLayout.AgentLeft, "x.wav");
        var mono = SpeakerChannels.Split(new DecodedAudio(8000, [left]), ChannelLayout.Default, ChannelLayout.AgentLeft, "x.wav");

        Assert.Equal([Speaker.Agent, Speaker.Customer], agentRight.Select(t => t.Speaker));
        Assert.True(agentRight[0].Samples.Max() < 0.2); // the quiet right channel is the agent
        Assert.True(byDefault[0].Samples.Max() > 0.4);
        Assert.Equal(16000, byDefault[0].SampleRate);
        Assert.Equal(8000, byDefault[1].Samples.Length);
        Assert.Equal(Speaker.Unknown, Assert.Single(mono).Speaker);
        Assert.Contains("the recording is mono", Assert.Throws<AudioDecodeException>(() =>
            SpeakerChannels.Split(new DecodedAudio(8000, [left]), ChannelLayout.AgentLeft, ChannelLayout.AgentLeft, "x.wav")).Message);
    }
}
