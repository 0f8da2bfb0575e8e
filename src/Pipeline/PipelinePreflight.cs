using SpeechQa.Transcriber;

namespace SpeechQa.Pipeline;

/// <summary>
/// The configuration check `run`, `worker` and `serve` do before any job runs: jieba data, rules, repeat policy,
/// classifier models and the speech model. Without it a missing dictionary made every analyze job fail five
/// times with back-off before anything was said.
/// </summary>
public sealed class PipelinePreflight(CallScoring scoring, CallTranscriber transcriber)
{
    /// <summary>Throws <see cref="PreflightException"/> listing every problem found.</summary>
    public void EnsureReady()
    {
        var problems = scoring.Preflight().ToList();
        if (transcriber.Preflight() is { } speech)
            problems.Add(speech);
        if (problems.Count > 0)
            throw new PreflightException(problems);
    }
}

/// <summary>The configuration cannot run the pipeline; <see cref="Problems"/> says why, one line each.</summary>
public sealed class PreflightException(IReadOnlyList<string> problems)
    : Exception("配置有误，未启动 / configuration problems, nothing was started:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
