using SpeechQa.Transcriber.Audio;

namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// Recordings as a browser can play them: 16-bit PCM WAV is served as it is (with range requests); A-law/µ-law WAV
/// (which browsers do not play) and other formats are decoded — WAV ourselves, the rest through ffmpeg — and served
/// as 16-bit PCM WAV at the original rate and channels.
/// </summary>
public static class BrowserAudio
{
    public sealed record Playable(bool IsOriginal, byte[]? Bytes);

    public static async Task<Playable> PlayableAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[36];
        await using (var file = File.OpenRead(path))
        {
            var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == header.Length && header.AsSpan(0, 4).SequenceEqual("RIFF"u8) && header.AsSpan(8, 4).SequenceEqual("WAVE"u8)
                && BitConverter.ToInt16(header, 20) == 1 && BitConverter.ToInt16(header, 34) == 16)
                return new Playable(true, null);
        }
        var audio = await new AudioDecoder().DecodeAsync(path, cancellationToken).ConfigureAwait(false);
        return new Playable(false, Pcm16Wav(audio));
    }

    public static byte[] Pcm16Wav(DecodedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var channels = audio.ChannelCount;
        var dataBytes = audio.FrameCount * channels * 2;
        using var stream = new MemoryStream(44 + dataBytes);
        using (var w = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8);
            w.Write(36 + dataBytes);
            w.Write("WAVEfmt "u8);
            w.Write(16);
            w.Write((short)1);
            w.Write((short)channels);
            w.Write(audio.SampleRate);
            w.Write(audio.SampleRate * channels * 2);
            w.Write((short)(channels * 2));
            w.Write((short)16);
            w.Write("data"u8);
            w.Write(dataBytes);
            for (var i = 0; i < audio.FrameCount; i++)
            {
                for (var c = 0; c < channels; c++)
                    w.Write((short)Math.Clamp(Math.Round(audio.Channels[c][i] * 32767f), short.MinValue, short.MaxValue));
            }
        }
        return stream.ToArray();
    }
}
