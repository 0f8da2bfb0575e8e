using System.IO.Compression;
using System.Text;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Whisper's quality gates for a decoded window: repetitive text (zlib compression ratio above 2.4) or a low
/// average log-probability (below -1) means "decode again at the next temperature"; a likely silent window
/// (no-speech probability above 0.6 together with a low log-probability) is skipped instead of transcribed.
/// </summary>
public sealed record FallbackPolicy
{
    public IReadOnlyList<float> Temperatures { get; init; } = [0.0f, 0.2f, 0.4f, 0.6f, 0.8f, 1.0f];
    public double CompressionRatioThreshold { get; init; } = 2.4;
    public double LogProbThreshold { get; init; } = -1.0;
    public double NoSpeechThreshold { get; init; } = 0.6;

    public bool IsSilence(double noSpeechProbability, double averageLogProb) =>
        noSpeechProbability > NoSpeechThreshold && averageLogProb < LogProbThreshold;

    public bool NeedsFallback(string text, double averageLogProb) =>
        CompressionRatio(text) > CompressionRatioThreshold || averageLogProb < LogProbThreshold;

    /// <summary>UTF-8 length over zlib-compressed length, as whisper's get_compression_ratio.</summary>
    public static double CompressionRatio(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
            return 0;
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(bytes);
        return (double)bytes.Length / output.Length;
    }
}
