using System.Buffers.Binary;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Audio;

/// <summary>Our WAV/G.711 reader against sox, which decodes the same files independently.</summary>
public sealed class AudioDecoderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speechqa-audio-").FullName;

    [Theory]
    [InlineData("a-law", 8, 8000, 2)]
    [InlineData("u-law", 8, 8000, 1)]
    [InlineData("signed-integer", 16, 16000, 2)]
    [InlineData("signed-integer", 24, 11025, 1)]
    [InlineData("unsigned-integer", 8, 8000, 1)]
    public async Task Decode_MatchesSoxSampleForSample(string encoding, int bits, int rate, int channels)
    {
        var wav = Path.Combine(_folder, $"{encoding}-{bits}-{rate}-{channels}.wav");
        Tool.Run("sox", "-n", "-r", rate.ToString(), "-c", channels.ToString(), "-e", encoding, "-b", bits.ToString(), wav,
            "synth", "0.7", "sine", "300-3000", "sine", "440", "vol", "0.8");

        var audio = await new AudioDecoder().DecodeAsync(wav, CancellationToken.None);
        var reference = Tool.Run("sox", wav, "-t", "raw", "-e", "floating-point", "-b", "32", "-");

        Assert.Equal(rate, audio.SampleRate);
        Assert.Equal(channels, audio.ChannelCount);
        Assert.Equal(reference.Length / 4 / channels, audio.FrameCount);
        var maxError = 0f;
        for (var i = 0; i < reference.Length / 4; i++)
        {
            var expected = BinaryPrimitives.ReadSingleLittleEndian(reference.AsSpan(i * 4));
            maxError = Math.Max(maxError, Math.Abs(expected - audio.Channels[i % channels][i / channels]));
        }
        Assert.True(maxError < 1e-6, $"max difference from sox {maxError}");
    }

    [Fact]
    public async Task Decode_ReadsChunksInAnyOrder_WithOddSizedChunksAndStreamingDataSize()
    {
        var pcm = Tool.Run("sox", "-n", "-r", "8000", "-c", "1", "-e", "signed-integer", "-b", "16", "-t", "raw", "-", "synth", "0.2", "sine", "500");
        using var file = new MemoryStream();
        void Chunk(string id, byte[] body, uint? declared = null)
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(id));
            file.Write(BitConverter.GetBytes(declared ?? (uint)body.Length));
            file.Write(body);
            if (body.Length % 2 == 1)
                file.WriteByte(0);
        }
        file.Write("RIFF"u8);
        file.Write(BitConverter.GetBytes(0u));
        file.Write("WAVE"u8);
        Chunk("LIST", [1, 2, 3]); // odd size, padded
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), 1);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), 16000);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 16);
        Chunk("fmt ", fmt);
        Chunk("data", pcm, declared: uint.MaxValue); // size unknown when the recorder started writing
        var path = Path.Combine(_folder, "odd.wav");
        await File.WriteAllBytesAsync(path, file.ToArray());

        var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);

        Assert.Equal(pcm.Length / 2, audio.FrameCount);
        Assert.Equal(BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(200)) / 32768f, audio.Channels[0][100]);
    }

    [Fact]
    public async Task Decode_UsesFfmpegForOtherFormats_EvenWhenNamedWav()
    {
        var mp3 = Path.Combine(_folder, "call.mp3");
        Tool.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1:sample_rate=16000", "-ac", "1", mp3);
        var misnamed = Path.Combine(_folder, "actually-mp3.wav");
        File.Copy(mp3, misnamed);

        var audio = await new AudioDecoder().DecodeAsync(misnamed, CancellationToken.None);

        Assert.Equal(16000, audio.SampleRate);
        Assert.InRange(audio.DurationSeconds, 0.95, 1.15);
        var crossings = 0;
        var samples = audio.Channels[0];
        for (var i = 1; i < samples.Length; i++)
            crossings += samples[i - 1] < 0 && samples[i] >= 0 ? 1 : 0;
        Assert.InRange(crossings / audio.DurationSeconds, 400, 460);
    }

    [Theory]
    [InlineData("empty", "the file is empty")]
    [InlineData("text", "ffmpeg cannot decode it")]
    [InlineData("truncated", "truncated: the data chunk declares")]
    [InlineData("nofmt", "no fmt chunk")]
    [InlineData("gsm-tag", "unsupported WAV encoding (format tag 49")]
    public async Task Decode_GivesAClearReason_ForBadFiles(string kind, string reason)
    {
        var path = Path.Combine(_folder, kind + ".wav");
        byte[] Header(int dataBytes, ushort tag = 1) =>
        [
            .."RIFF"u8, 0, 0, 0, 0, .."WAVE"u8, .."fmt "u8, 16, 0, 0, 0, (byte)tag, (byte)(tag >> 8), 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0,
            .."data"u8, (byte)dataBytes, (byte)(dataBytes >> 8), 0, 0,
        ];
        await File.WriteAllBytesAsync(path, kind switch
        {
            "empty" => [],
            "text" => "这不是录音文件"u8.ToArray(),
            "truncated" => [.. Header(4000), .. new byte[100]],
            "nofmt" => [.."RIFF"u8, 0, 0, 0, 0, .."WAVE"u8, .."data"u8, 4, 0, 0, 0, 1, 2, 3, 4],
            _ => [.. Header(4, tag: 49), 1, 2, 3, 4],
        });

        var error = await Assert.ThrowsAsync<AudioDecodeException>(() => new AudioDecoder().DecodeAsync(path, CancellationToken.None));

        Assert.Contains(reason, error.Message);
        Assert.StartsWith(kind + ".wav", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
