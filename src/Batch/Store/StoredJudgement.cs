namespace SpeechQa.Batch.Store;

/// <summary>A call's stored rule-set result: which rule set and version, the score, fatal or not, the hits (export JSON).</summary>
public sealed record StoredJudgement(string RuleSet, int Score, bool Fatal, string HitsJson);
