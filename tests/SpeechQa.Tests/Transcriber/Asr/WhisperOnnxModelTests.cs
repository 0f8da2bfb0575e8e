using SpeechQa.OnnxRuntime;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

public sealed class WhisperOnnxModelTests(TinyWhisper tiny) : IClassFixture<TinyWhisper>
{
    private static float[] Features(int seed)
    {
        var random = new Random(seed);
        var audio = Enumerable.Range(0, 16000 * 4).Select(i => (float)(0.3 * Math.Sin(i * 0.05) + 0.1 * (random.NextDouble() - 0.5))).ToArray();
        return new LogMelSpectrogram(80).Compute(audio);
    }

    [Fact]
    public void Encode_GivesOneVectorPerTwentyMilliseconds()
    {
        var encoded = tiny.Model.Encode(Features(1), CancellationToken.None);
        Assert.Equal([1L, 1500, 64], encoded.Shape);
    }

    [Fact]
    public void Step_WithTheCache_GivesTheSameLogitsAsTheWholeSequenceWithout()
    {
        var encoded = tiny.Model.Encode(Features(2), CancellationToken.None);
        int[] prompt = [50258, 50260, 50359];
        int[] continuation = [tiny.Tokenizer.TimestampTokenId(0), .. tiny.Tokenizer.Encode("您好，供水热线")];

        var (_, cache) = tiny.Model.Start(encoded, prompt, CancellationToken.None);
        float[] cached = [];
        foreach (var token in continuation)
            cached = tiny.Model.Step(cache, token, CancellationToken.None);
        var (all, _) = tiny.Model.Start(encoded, [.. prompt, .. continuation], CancellationToken.None);
        var vocabulary = tiny.Folder.VocabularySize;
        var last = all.AsSpan(all.Length - vocabulary, vocabulary);

        Assert.Equal(vocabulary, cached.Length);
        Assert.Equal(prompt.Length + continuation.Length, cache.Length);
        var maxError = 0f;
        for (var i = 0; i < vocabulary; i++)
            maxError = Math.Max(maxError, Math.Abs(cached[i] - last[i]));
        Assert.True(maxError < 1e-3, $"cached and uncached logits differ by {maxError}");
        Assert.True(cached.Max() - cached.Min() > 1, "the logits carry no signal"); // random weights still discriminate
    }

    [Fact]
    public void QuantizedVariant_RunsInt8AndStaysCloseToFp32()
    {
        var folder = WhisperModelFolder.Load(tiny.Folder.Path, "_quantized");
        Assert.EndsWith("encoder_model_quantized.onnx", folder.EncoderFile, StringComparison.Ordinal);
        using var quantized = new WhisperOnnxModel(tiny.Runtime, folder, new SessionSettings { IntraOpThreads = 1 });
        var features = Features(3);
        int[] prompt = [50258, 50260, 50359];
        var (exact, _) = tiny.Model.Start(tiny.Model.Encode(features, CancellationToken.None), prompt, CancellationToken.None);
        var (approx, _) = quantized.Start(quantized.Encode(features, CancellationToken.None), prompt, CancellationToken.None);

        Assert.Equal(exact.Length, approx.Length);
        Assert.NotEqual(exact, approx); // really the int8 graph, not the fp32 one
        var correlation = Correlation(exact, approx);
        Assert.True(correlation > 0.99, $"int8 logits correlate with fp32 only at {correlation:0.0000}");
    }

    private static double Correlation(float[] a, float[] b)
    {
        double meanA = a.Average(), meanB = b.Average(), ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.Sqrt(aa * bb);
    }
}
