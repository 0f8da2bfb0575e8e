namespace SpeechQa.Scoring.Rules;

/// <summary>致命错误 sets the score to 0; 非致命错误 deducts points.</summary>
public enum Severity
{
    Fatal,
    NonFatal,
}

public static class SeverityNames
{
    public static string ToWire(this Severity severity) => severity == Severity.Fatal ? "fatal" : "non-fatal";
}
