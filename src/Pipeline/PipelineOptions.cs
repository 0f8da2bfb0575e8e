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

    public static PipelineOptions FromEnvironment() => new()
    {
        IndexStageEnabled = !string.Equals(Environment.GetEnvironmentVariable(IndexVariable), "off", StringComparison.OrdinalIgnoreCase),
        TimeZone = Environment.GetEnvironmentVariable(TimeZoneVariable) is { Length: > 0 } zone ? FindZone(zone) : TimeZoneInfo.Local,
    };

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new FormatException($"{TimeZoneVariable}='{id}' 不是已知时区 is not a known time zone (use an IANA id such as Asia/Shanghai)", e);
        }
    }
}
