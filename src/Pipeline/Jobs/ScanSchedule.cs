using Cronos;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// A recorder-folder scan's schedule: a 5-field cron expression in the hotline's time zone, checked with Cronos (the
/// parser Hangfire itself uses) before it is saved, so a bad expression is refused with its reason instead of failing later.
/// </summary>
public static class ScanSchedule
{
    /// <summary>Throws <see cref="FormatException"/> naming the problem when <paramref name="cron"/> is not a valid 5-field expression.</summary>
    public static void Validate(string cron)
    {
        try
        {
            CronExpression.Parse(cron?.Trim() ?? "", CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{cron}': {e.Message}", e);
        }
    }
}
