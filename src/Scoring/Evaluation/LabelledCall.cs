using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Evaluation;

/// <summary>One hand-labelled call of an evaluation set: the transcript, its metadata and what a QA inspector marked.</summary>
public sealed record LabelledCall(
    string CallId,
    string RuleSet,
    string Category,
    IReadOnlySet<string> Errors,
    IReadOnlySet<string> Traps,
    CallMetadata Metadata,
    Transcript Transcript);
