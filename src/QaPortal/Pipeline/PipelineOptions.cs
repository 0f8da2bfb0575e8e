namespace SpeechQa.QaPortal.Pipeline;

/// <summary>Which optional pipeline stages this deployment runs.</summary>
public sealed record PipelineOptions
{
    /// <summary>The index stage runs only when a search index is configured (set by whoever registers its handler).</summary>
    public bool IndexStageEnabled { get; init; }
}
