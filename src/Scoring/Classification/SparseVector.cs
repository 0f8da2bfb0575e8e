namespace SpeechQa.Scoring.Classification;

/// <summary>A feature vector with few non-zero entries: sorted feature indices and their values.</summary>
public sealed record SparseVector(int[] Indices, double[] Values);
