namespace SpeechQa.Transcriber.Asr;

/// <summary>What decoding one window produced, with the figures the fallback rules judge it by.</summary>
public sealed record WindowDecoding(IReadOnlyList<int> Tokens, string Text, double AverageLogProb, double NoSpeechProbability, float Temperature)
{
    public double CompressionRatio => FallbackPolicy.CompressionRatio(Text);
}
