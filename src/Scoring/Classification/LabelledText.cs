namespace SpeechQa.Scoring.Classification;

/// <summary>One training or evaluation example. <see cref="Group"/> keeps variants of one scripted dialogue in the same fold.</summary>
public sealed record LabelledText(string Label, string Text, string? Group = null);
