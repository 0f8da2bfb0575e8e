namespace SpeechQa.Scoring.Classification;

/// <summary>
/// One training or evaluation example. <see cref="Group"/> keeps variants of one core phrase in the same fold;
/// <see cref="Speaker"/> (agent, customer) is set for speaker-conditioned models such as the dialogue acts.
/// </summary>
public sealed record LabelledText(string Label, string Text, string? Group = null, string? Speaker = null);
