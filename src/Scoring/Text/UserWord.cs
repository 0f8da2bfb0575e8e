namespace SpeechQa.Scoring.Text;

/// <summary>One user-dictionary entry: frequency null means "suggest one that keeps the word whole", 0 deletes it.</summary>
public sealed record UserWord(string Word, long? Frequency = null, string? Tag = null);
