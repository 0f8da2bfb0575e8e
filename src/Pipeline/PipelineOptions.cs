namespace SpeechQa.Pipeline;

/// <summary>Which optional pipeline stages this deployment runs.</summary>
public sealed record PipelineOptions
{
    public const string IndexVariable = "SPEECHQA_INDEX";

    /// <summary>
    /// Whether scored calls are written to the search index (stage 3). On by default — the embedded index needs no
    /// server; <c>SPEECHQA_INDEX=off</c> turns it off.
    /// </summary>
    public bool IndexStageEnabled { get; init; } = true;

    public static PipelineOptions FromEnvironment() => new()
    {
        IndexStageEnabled = !string.Equals(Environment.GetEnvironmentVariable(IndexVariable), "off", StringComparison.OrdinalIgnoreCase),
    };
}
