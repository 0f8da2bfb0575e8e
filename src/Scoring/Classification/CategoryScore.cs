namespace SpeechQa.Scoring.Classification;

/// <summary>A call category (C01–C12, C99) with the classifier's probability.</summary>
public sealed record CategoryScore(string Id, double P);
