namespace SpeechQa.Search;

/// <summary>One clause of a query: its jieba words (whole-word matching) and its characters (the default).</summary>
public sealed record QueryClause(IReadOnlyList<string> Words, IReadOnlyList<string> Chars);
