using SpeechQa.Batch.Settings;

namespace SpeechQa.Pipeline;

/// <summary>Which optional pipeline stages this deployment runs.</summary>
public sealed record PipelineOptions
{
    public const string IndexVariable = "SPEECHQA_INDEX";
    public const string TimeZoneVariable = "SPEECHQA_TIMEZONE";

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

    /// <summary>The options from the environment (<see cref="PipelineSettings"/>), for code outside a container.</summary>
    public static PipelineOptions FromEnvironment()
    {
        var settings = SpeechQaConfiguration.Bind<PipelineSettings>();
        if (new PipelineSettingsValidation().Validate(null, settings) is { Failed: true } refused)
            throw new FormatException(refused.FailureMessage);
        return settings.ToPipelineOptions();
    }
}
