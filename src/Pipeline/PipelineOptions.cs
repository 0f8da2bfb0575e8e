namespace SpeechQa.Pipeline;

/// <summary>Which optional pipeline stages this deployment runs, and in which time zone (from <see cref="PipelineSettings"/>).</summary>
public sealed record PipelineOptions
{
    /// <summary>
    /// Whether scored calls are written to the search index (stage 3). On by default — the embedded index needs no
    /// server; <c>SPEECHQA_INDEX=off</c> turns it off.
    /// </summary>
    public bool IndexStageEnabled { get; init; } = true;

    /// <summary>
    /// The hotline's time zone, in which recorder-folder scans follow their cron: <c>SPEECHQA_TIMEZONE</c> (an IANA id
    /// such as Asia/Shanghai), else the machine's.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;
}
