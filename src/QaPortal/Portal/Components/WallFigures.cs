using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>Today's figures for the QA office's wall display (大屏).</summary>
public sealed record WallFigures(int CallsToday, int FatalToday, IReadOnlyList<(string Rule, int Calls)> TopRulesToday,
    IReadOnlyDictionary<CallStatus, long> CallsByStatus, JobStateCounts Jobs);
