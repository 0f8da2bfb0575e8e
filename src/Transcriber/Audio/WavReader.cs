using System.Buffers.Binary;

namespace SpeechQa.Transcriber.Audio;

/// <summary>
/// Reads RIFF/WAVE as call recorders write it: PCM 8/16/24/32-bit, IEEE float, A-law and µ-law (G.711),
/// plain or WAVE_FORMAT_EXTENSIBLE, any rate and channel count. Chunks may come in any order (data before
/// fmt, LIST/fact/junk anywhere, odd sizes padded); a data size of 0 or 0xFFFFFFFF (written by streaming
/// recorders and by ffmpeg to a pipe) means "to the end of the file".
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1, FormatFloat = 3, FormatALaw = 6, FormatMuLaw = 7, FormatExtensible = 0xFFFE;

    public static bool LooksLikeWav(ReadOnlySpan<byte> header) =>
        header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8);

    public static DecodedAudio Read(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length == 0)
            throw new AudioDecodeException($"{name}: the file is empty");
        if (!LooksLikeWav(file))
            throw new AudioDecodeException($"{name}: not a WAV file (no RIFF/WAVE header)");

        WavFormat? format = null;
        int dataStart = -1, dataLength = 0;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var body = position + 8;
            var remaining = file.Length - body;
            if (id.SequenceEqual("data"u8))
            {
                dataStart = body;
                if (size == 0 || size == uint.MaxValue)
                    dataLength = remaining;
                else if (size > remaining)
                    throw new AudioDecodeException($"{name}: truncated: the data chunk declares {size} bytes but only {remaining} follow");
                else
                    dataLength = (int)size;
                if (format is not null)
                    break;
            }
            else if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > remaining)
                    throw new AudioDecodeException($"{name}: corrupt fmt chunk ({size} bytes)");
                format = WavFormat.Parse(file.Slice(body, (int)size), name);
                if (dataStart >= 0)
                    break;
            }
            if (size > remaining)
                break;
            position = body + (int)size + (int)(size & 1); // chunks are padded to even sizes
        }

        if (format is null)
            throw new AudioDecodeException($"{name}: no fmt chunk: the format of the audio is unknown");
        if (dataStart < 0)
            throw new AudioDecodeException($"{name}: no data chunk: the file holds no audio");
        var frames = dataLength / format.BlockAlign;
        if (frames == 0)
            throw new AudioDecodeException($"{name}: the data chunk holds no complete sample");
        return new DecodedAudio(format.SampleRate, Decode(file.Slice(dataStart, frames * format.BlockAlign), format, frames));
    }

    private static float[][] Decode(ReadOnlySpan<byte> data, WavFormat format, int frames)
    {
        var channels = new float[format.Channels][];
        for (var c = 0; c < channels.Length; c++)
            channels[c] = new float[frames];
        var bytesPerSample = format.BlockAlign / format.Channels;
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var sample = data.Slice(f * format.BlockAlign + c * bytesPerSample, bytesPerSample);
                channels[c][f] = format.Encoding switch
                {
                    SampleEncoding.ALaw => G711.DecodeALaw(sample[0]) / 32768f,
                    SampleEncoding.MuLaw => G711.DecodeMuLaw(sample[0]) / 32768f,
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

    private enum SampleEncoding { Pcm, Float32, ALaw, MuLaw }

    private sealed record WavFormat(SampleEncoding Encoding, int Channels, int SampleRate, int BlockAlign)
    {
        public static WavFormat Parse(ReadOnlySpan<byte> chunk, string name)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
            var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
            var rate = BinaryPrimitives.ReadInt32LittleEndian(chunk[4..]);
            var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
            var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
            if (tag == FormatExtensible)
            {
                if (chunk.Length < 40)
                    throw new AudioDecodeException($"{name}: WAVE_FORMAT_EXTENSIBLE header is too short");
                tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]); // first bytes of the sub-format GUID
            }
            if (channels == 0 || rate <= 0 || rate > 384_000)
                throw new AudioDecodeException($"{name}: implausible format: {channels} channels at {rate} Hz");
            var encoding = tag switch
            {
                FormatPcm when bits is 8 or 16 or 24 or 32 => SampleEncoding.Pcm,
                FormatFloat when bits == 32 => SampleEncoding.Float32,
                FormatALaw when bits == 8 => SampleEncoding.ALaw,
                FormatMuLaw when bits == 8 => SampleEncoding.MuLaw,
                _ => throw new AudioDecodeException($"{name}: unsupported WAV encoding (format tag {tag}, {bits} bits)"),
            };
            if (blockAlign != channels * ((bits + 7) / 8))
                throw new AudioDecodeException($"{name}: inconsistent header: block align {blockAlign} for {channels} × {bits}-bit samples");
            return new WavFormat(encoding, channels, rate, blockAlign);
        }
    }
}
