namespace SpeechQa.Transcriber.Acoustics;

/// <summary>Tuning of the energy-based voice activity detector (defaults suit 8 kHz telephone speech).</summary>
public sealed record VoiceActivityOptions
{
    /// <summary>Analysis frame and hop, in seconds.</summary>
    public double FrameSeconds { get; init; } = 0.02;
    public double HopSeconds { get; init; } = 0.01;

    /// <summary>A frame is speech when this far above the channel's noise floor (its 10th-percentile frame energy)…</summary>
    public double ThresholdAboveFloorDb { get; init; } = 12;

    /// <summary>…and above this absolute level, so a silent channel with digital zero noise does not "speak".</summary>
    public double MinimumSpeechDb { get; init; } = -50;

    /// <summary>Pauses shorter than this inside an utterance (between words) do not split it.</summary>
    public double MergeGapSeconds { get; init; } = 0.3;

    /// <summary>Blips shorter than this (clicks, line noise) are not speech.</summary>
    public double MinRegionSeconds { get; init; } = 0.15;
}
