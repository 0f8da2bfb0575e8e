namespace SpeechQa.Scoring.Rules;

/// <summary>One place where a condition holds: a sentence (or -1 for call level), its time span, what matched or was measured.</summary>
public sealed record ConditionMatch(int Sentence, double Start, double End, string Evidence, double? Value = null);
