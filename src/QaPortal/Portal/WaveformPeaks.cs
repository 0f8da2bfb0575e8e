using System.Text.Json.Serialization;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// A recording's waveform as the call page draws it: per channel, the loudest sample in each of up to
/// <see cref="MaxBuckets"/> slices. The browser gets a few kilobytes instead of decoding the whole recording a second time.
/// </summary>
public sealed record WaveformPeaks(
    [property: JsonPropertyName("duration")] double Duration,
    [property: JsonPropertyName("channels")] IReadOnlyList<float[]> Channels)
{
    public const int MaxBuckets = 2000;

    public static WaveformPeaks Of(DecodedAudio audio, int buckets = MaxBuckets)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var length = audio.Channels.Count == 0 ? 0 : audio.Channels[0].Length;
        var count = Math.Clamp(length, 1, buckets);
        var channels = new List<float[]>(audio.Channels.Count);
        foreach (var samples in audio.Channels)
        {
            var peaks = new float[count];
            for (var b = 0; b < count; b++)
            {
                var (from, to) = ((int)((long)b * length / count), (int)((long)(b + 1) * length / count));
                var peak = 0f;
                for (var i = from; i < to; i++)
                    peak = Math.Max(peak, Math.Abs(samples[i]));
                peaks[b] = MathF.Round(Math.Min(1f, peak), 3);
            }
            channels.Add(peaks);
        }
        return new WaveformPeaks(audio.SampleRate == 0 ? 0 : Math.Round((double)length / audio.SampleRate, 3), channels);
    }
}
