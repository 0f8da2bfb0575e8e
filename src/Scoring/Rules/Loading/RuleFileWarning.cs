namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>Something in a rule file that loads and works but costs more than it should (1-based line and column), in zh-CN and English.</summary>
public sealed record RuleFileWarning(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
