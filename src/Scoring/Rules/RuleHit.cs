using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Rules;

/// <summary>A rule that fired on a call, with the evidence an inspector checks (export field <c>hits</c>).</summary>
public sealed record RuleHit(
    string Rule,
    string RuleName,
    string RuleSet,
    Severity Severity,
    int Points,
    Speaker? Speaker,
    int Segment,
    double Start,
    double End,
    string Evidence,
    double Confidence,
    bool NeedsReview,
    string Source = "rule");
