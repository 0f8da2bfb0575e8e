namespace SpeechQa.Transcriber.Audio;

/// <summary>Audio as float samples in [-1, 1], one array per channel, all of the same length.</summary>
public sealed record DecodedAudio(int SampleRate, IReadOnlyList<float[]> Channels)
{
    public int ChannelCount => Channels.Count;

    public int FrameCount => Channels.Count == 0 ? 0 : Channels[0].Length;

    public double DurationSeconds => (double)FrameCount / SampleRate;
}
