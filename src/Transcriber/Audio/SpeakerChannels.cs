using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// Splits a recording into speaker tracks by the source's channel setting and brings each to 16 kHz.
/// Stereo carries one speaker per channel; mono has no way to tell who speaks, so its single track is
/// <see cref="Speaker.Unknown"/> (the transcript says so instead of guessing).
/// </summary>
public static class SpeakerChannels
{
    public const int AnalysisRate = 16_000;

    /// <param name="defaultLayout">The source's setting, used when the manifest row gives none.</param>
    public static IReadOnlyList<SpeakerTrack> Split(DecodedAudio audio, ChannelLayout layout, ChannelLayout defaultLayout, string name)
    {
        var effective = layout == ChannelLayout.Default ? defaultLayout : layout;
        var resampler = new Resampler(audio.SampleRate, AnalysisRate);
        switch (audio.ChannelCount)
        {
            case 1:
                if (effective is ChannelLayout.AgentLeft or ChannelLayout.AgentRight && layout != ChannelLayout.Default)
                    throw new AudioDecodeException($"{name}: the manifest says {effective.ToWire()} but the recording is mono");
                return [new SpeakerTrack(Speaker.Unknown, resampler.Resample(audio.Channels[0]), AnalysisRate)];
            case 2:
                if (effective == ChannelLayout.Mono)
                    return [new SpeakerTrack(Speaker.Unknown, resampler.Resample(Mix(audio.Channels[0], audio.Channels[1])), AnalysisRate)];
                var agent = effective == ChannelLayout.AgentRight ? 1 : 0;
                return
                [
                    new SpeakerTrack(Speaker.Agent, resampler.Resample(audio.Channels[agent]), AnalysisRate),
                    new SpeakerTrack(Speaker.Customer, resampler.Resample(audio.Channels[1 - agent]), AnalysisRate),
                ];
            default:
                throw new AudioDecodeException($"{name}: {audio.ChannelCount} channels; call recordings must be mono or stereo (one speaker per channel)");
        }
    }

    private static float[] Mix(float[] left, float[] right)
    {
        var mixed = new float[left.Length];
        for (var i = 0; i < mixed.Length; i++)
            mixed[i] = (left[i] + right[i]) * 0.5f;
        return mixed;
    }
}
