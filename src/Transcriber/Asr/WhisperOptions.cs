namespace SpeechQa.Transcriber.Asr;

/// <summary>How calls are transcribed with Whisper.</summary>
public sealed record WhisperOptions
{
    /// <summary>Forced language (Whisper's language token); the hotlines speak Mandarin.</summary>
    public string Language { get; init; } = "zh";

    /// <summary>Beam width at temperature 0 (whisper's CLI default 5); 1 is greedy.</summary>
    public int BeamSize { get; init; } = 5;

    /// <summary>Tokens sampled per window at most (whisper: half the decoder context).</summary>
    public int SampleLength { get; init; } = 224;

    public bool Timestamps { get; init; } = true;

    /// <summary>Text that primes the decoder with the domain's vocabulary (户号、阶梯水价…), e.g. from rules/asr-hotwords.txt.</summary>
    public string? InitialPrompt { get; init; }

    public FallbackPolicy Fallback { get; init; } = new();

    /// <summary>Seed for sampling at temperatures above 0, so a rerun of a call gives the same transcript.</summary>
    public int Seed { get; init; } = 20241105;
}
