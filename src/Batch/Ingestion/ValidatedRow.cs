using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Batch.Ingestion;

/// <summary>The outcome of validating one manifest row: a call to store, or the problem with the row.</summary>
public sealed record ValidatedRow(int Line, Call? Call, Transcript? Transcript, RowProblem? Problem)
{
    public static ValidatedRow Accepted(int line, Call call, Transcript? transcript) => new(line, call, transcript, null);

    public static ValidatedRow Rejected(RowProblem problem) => new(problem.Line, null, null, problem);
}
