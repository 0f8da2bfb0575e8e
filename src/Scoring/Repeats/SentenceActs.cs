namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// One customer sentence and the dialogue-act model's probabilities for it: where a root cause's own words are not on
/// the cue list (修完第二天又滴答上了), the act the model reads (repair_came_back) is the customer's cue.
/// </summary>
public sealed record SentenceActs(string Text, IReadOnlyDictionary<string, double> Acts);
