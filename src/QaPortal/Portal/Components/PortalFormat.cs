using System.Globalization;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>How the pages write times, seconds and numbers: Beijing time, invariant digits.</summary>
public static class PortalFormat
{
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset? at) => at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A path segment (call id, rule id) escaped for a link.</summary>
    public static string Path(string value) => Uri.EscapeDataString(value);
}
