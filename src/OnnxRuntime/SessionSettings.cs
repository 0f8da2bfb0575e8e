namespace SpeechQa.OnnxRuntime;

/// <summary>How a session runs: thread counts (0 = ONNX Runtime's default) and graph optimisation.</summary>
public sealed record SessionSettings
{
    public int IntraOpThreads { get; init; }
    public int InterOpThreads { get; init; }

    /// <summary>GraphOptimizationLevel: 0 disable, 1 basic, 2 extended, 99 all.</summary>
    public int OptimizationLevel { get; init; } = 99;
}
