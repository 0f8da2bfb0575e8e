using System.Globalization;

namespace SpeechQa.Scoring.Repeats;

/// <summary>Durations as admins write them in the policy and on the command line: 90m, 3h, 72h, 7d.</summary>
public static class PolicyDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
            return false;
        var t = text.Trim();
        if (!double.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return false;
        duration = char.ToLowerInvariant(t[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => default,
        };
        return duration > TimeSpan.Zero;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalDays > 3 && duration.TotalDays == Math.Floor(duration.TotalDays) ? $"{duration.TotalDays:0}d"
        : duration.TotalHours == Math.Floor(duration.TotalHours) ? $"{duration.TotalHours:0}h"
        : $"{duration.TotalMinutes:0}m";
}
