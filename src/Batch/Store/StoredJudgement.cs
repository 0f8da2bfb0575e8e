namespace SpeechQa.Batch.Store;

/// <summary>
/// A call's stored rule-set result: which rule set and version, the score, fatal or not, the hits (export JSON),
/// and the category classifier's verdict when one ran (the best id, and the top ids with probabilities as JSON).
/// </summary>
public sealed record StoredJudgement(string RuleSet, int Score, bool Fatal, string HitsJson, string? Category = null, string? CategoriesJson = null, string? RepeatCuesJson = null);
