using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.RegularExpressions;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>Whisper features against OpenAI's real mel filters and an independent NumPy computation.</summary>
public sealed partial class LogMelSpectrogramTests
{
    private static readonly string Shared = TestPaths.Shared;
    private static readonly string FiltersNpz = Path.Combine(Shared, "data/whisper-assets/mel_filters.npz");

    [Theory]
    [InlineData(80)]
    [InlineData(128)]
    public void Create_EqualsOpenAisMelFilters(int mels)
    {
        var expected = ReadNpy(FiltersNpz, $"mel_{mels}.npy", out var shape);
        var actual = MelFilterBank.Create(mels);

        Assert.Equal([mels, 201], shape);
        var maxError = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(maxError < 1e-6, $"max difference {maxError}");
    }

    [Theory]
    [InlineData(80, 7.5)]
    [InlineData(128, 31.0)] // longer than a window: cut at 30 s
    public void Compute_MatchesANumPyReference_To1e4(int mels, double seconds)
    {
        var random = new Random(3);
        var audio = Enumerable.Range(0, (int)(seconds * 16000)).Select(i =>
        {
            var t = i / 16000.0;
            return (float)(0.3 * Math.Sin(2 * Math.PI * (200 + 300 * t) * t) + 0.05 * (random.NextDouble() - 0.5) + (t > 3 && t < 4 ? 0.4 * Math.Sin(2 * Math.PI * 1200 * t) : 0));
        }).ToArray();
        var folder = Directory.CreateTempSubdirectory("speechqa-mel-").FullName;
        var input = Path.Combine(folder, "audio.f32");
        var output = Path.Combine(folder, "mel.f32");
        File.WriteAllBytes(input, audio.SelectMany(BitConverter.GetBytes).ToArray());
        Tool.Run("/usr/bin/python3", Path.Combine(TestPaths.Models, "whisper_log_mel_reference.py"),
            input, FiltersNpz, mels.ToString(), output);
        var reference = File.ReadAllBytes(output);
        Directory.Delete(folder, recursive: true);

        var features = new LogMelSpectrogram(mels).Compute(audio);

        Assert.Equal(mels * 3000, features.Length);
        Assert.Equal(reference.Length / 4, features.Length);
        var maxError = 0.0;
        for (var i = 0; i < features.Length; i++)
            maxError = Math.Max(maxError, Math.Abs(features[i] - BinaryPrimitives.ReadSingleLittleEndian(reference.AsSpan(i * 4))));
        Assert.True(maxError < 1e-4, $"max difference from NumPy {maxError}");
    }

    /// <summary>A float32 array from a .npy member of an .npz (zip) file.</summary>
    private static float[] ReadNpy(string npz, string member, out int[] shape)
    {
        using var zip = ZipFile.OpenRead(npz);
        using var stream = zip.GetEntry(member)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Contains("'descr': '<f4'", header);
        shape = ShapePattern().Match(header).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Trim())).ToArray();
        var data = new float[(bytes.Length - 10 - headerLength) / 4];
        Buffer.BlockCopy(bytes, 10 + headerLength, data, 0, data.Length * 4);
        return data;
    }

    [GeneratedRegex(@"'shape': \(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
