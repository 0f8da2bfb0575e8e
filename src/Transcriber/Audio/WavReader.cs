using System.Buffers.Binary;
using NAudio.Codecs;
using NAudio.Wave;

namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// Reads RIFF/WAVE as call recorders write it, with NAudio's <see cref="WaveFileReader"/>: PCM 8/16/24/32-bit,
/// IEEE float, A-law and µ-law (G.711, expanded with NAudio's codecs), plain or WAVE_FORMAT_EXTENSIBLE, any
/// rate and channel count, chunks in any order. Two recorder habits NAudio does not know are settled first:
/// a RIFF or data size of 0 or 0xFFFFFFFF (streaming recorders, ffmpeg writing to a pipe) means "to the end of
/// the file", and a data chunk that declares more bytes than the file holds is reported as truncated instead
/// of being read short without a word.
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1, FormatFloat = 3, FormatALaw = 6, FormatMuLaw = 7;

    public static bool LooksLikeWav(ReadOnlySpan<byte> header) =>
        header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8);

    /// <summary>Decodes <paramref name="file"/>; its size fields may be rewritten in place (see the class summary).</summary>
    public static DecodedAudio Read(byte[] file, string name)
    {
        if (file.Length == 0)
            throw new AudioDecodeException($"{name}: the file is empty");
        if (!LooksLikeWav(file))
            throw new AudioDecodeException($"{name}: not a WAV file (no RIFF/WAVE header)");
        SettleStreamingSizes(file, name);

        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(new MemoryStream(file, writable: false));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new AudioDecodeException($"{name}: {Reason(e)}", e);
        }
        using (reader)
        {
            var format = reader.WaveFormat;
            var encoding = EncodingOf(format, name);
            if (format.Channels == 0 || format.SampleRate <= 0 || format.SampleRate > 384_000)
                throw new AudioDecodeException($"{name}: implausible format: {format.Channels} channels at {format.SampleRate} Hz");
            if (format.BlockAlign != format.Channels * ((format.BitsPerSample + 7) / 8))
                throw new AudioDecodeException($"{name}: inconsistent header: block align {format.BlockAlign} for {format.Channels} × {format.BitsPerSample}-bit samples");
            var data = new byte[reader.Length];
            var read = 0;
            int n;
            while (read < data.Length && (n = reader.Read(data, read, data.Length - read)) > 0)
                read += n;
            var frames = read / format.BlockAlign;
            if (frames == 0)
                throw new AudioDecodeException($"{name}: the data chunk holds no complete sample");
            return new DecodedAudio(format.SampleRate, Decode(data, encoding, format.Channels, format.BlockAlign, frames));
        }
    }

    /// <summary>RIFF and data sizes of 0 or 0xFFFFFFFF become the real ones; a data chunk longer than the file is an error.</summary>
    private static void SettleStreamingSizes(byte[] file, string name)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4));
        if (riffSize == 0 || riffSize == uint.MaxValue || riffSize > file.Length - 8)
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 4));
            var remaining = file.Length - position - 8;
            if (file.AsSpan(position, 4).SequenceEqual("data"u8))
            {
                if (size == 0 || size == uint.MaxValue)
                    BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(position + 4), (uint)remaining);
                else if (size > remaining)
                    throw new AudioDecodeException($"{name}: truncated: the data chunk declares {size} bytes but only {remaining} follow");
                return;
            }
            if (size > remaining)
                return;
            position += 8 + (int)size + (int)(size & 1); // chunks are padded to even sizes
        }
    }

    private static string Reason(Exception e) => e.Message switch
    {
        var m when m.Contains("No fmt chunk", StringComparison.OrdinalIgnoreCase) => "no fmt chunk: the format of the audio is unknown",
        var m when m.Contains("No data chunk", StringComparison.OrdinalIgnoreCase) => "no data chunk: the file holds no audio",
        var m => $"corrupt WAV header: {m}",
    };

    private enum SampleEncoding { Pcm, Float32, ALaw, MuLaw }

    private static SampleEncoding EncodingOf(WaveFormat format, string name)
    {
        var tag = (ushort)format.Encoding;
        // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID (after valid bits and channel mask) starts with the real tag.
        if (format is WaveFormatExtensible extensible)
            tag = BinaryPrimitives.ReadUInt16LittleEndian(extensible.SubFormat.ToByteArray());
        else if (format.Encoding == WaveFormatEncoding.Extensible)
            tag = format is WaveFormatExtraData { ExtraData.Length: >= 8 } extra
                ? BinaryPrimitives.ReadUInt16LittleEndian(extra.ExtraData.AsSpan(6))
                : throw new AudioDecodeException($"{name}: WAVE_FORMAT_EXTENSIBLE header is too short");
        var bits = format.BitsPerSample;
        return tag switch
        {
            FormatPcm when bits is 8 or 16 or 24 or 32 => SampleEncoding.Pcm,
            FormatFloat when bits == 32 => SampleEncoding.Float32,
            FormatALaw when bits == 8 => SampleEncoding.ALaw,
            FormatMuLaw when bits == 8 => SampleEncoding.MuLaw,
            _ => throw new AudioDecodeException($"{name}: unsupported WAV encoding (format tag {tag}, {bits} bits)"),
        };
    }

    private static float[][] Decode(ReadOnlySpan<byte> data, SampleEncoding encoding, int channelCount, int blockAlign, int frames)
    {
        var channels = new float[channelCount][];
        for (var c = 0; c < channels.Length; c++)
            channels[c] = new float[frames];
        var bytesPerSample = blockAlign / channelCount;
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var sample = data.Slice(f * blockAlign + c * bytesPerSample, bytesPerSample);
                channels[c][f] = encoding switch
                {
                    SampleEncoding.ALaw => ALawDecoder.ALawToLinearSample(sample[0]) / 32768f,
                    SampleEncoding.MuLaw => MuLawDecoder.MuLawToLinearSample(sample[0]) / 32768f,
                    SampleEncoding.Float32 => Math.Clamp(BinaryPrimitives.ReadSingleLittleEndian(sample), -1f, 1f),
                    _ => bytesPerSample switch
                    {
                        1 => (sample[0] - 128) / 128f, // 8-bit PCM is unsigned
                        2 => BinaryPrimitives.ReadInt16LittleEndian(sample) / 32768f,
                        3 => ((sample[2] << 24) | (sample[1] << 16) | (sample[0] << 8)) / 2147483648f,
                        _ => BinaryPrimitives.ReadInt32LittleEndian(sample) / 2147483648f,
                    },
                };
            }
        }
        return channels;
    }
}
