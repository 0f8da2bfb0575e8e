using System.Globalization;

namespace SpeechQa.Batch.Jobs.Recurring;

/// <summary>
/// A standard five-field cron expression (minute hour day-of-month month day-of-week) with lists, ranges,
/// steps and names (JAN–DEC, SUN–SAT; 0 and 7 are Sunday). As in cron, when both day fields are restricted
/// a day matching either one fires. Evaluated in a given time zone (the hotline's local time).
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes, _hours, _daysOfMonth, _months, _daysOfWeek;
    private readonly bool _dayOfMonthRestricted, _dayOfWeekRestricted;

    private CronSchedule(string expression, bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool domRestricted, bool dowRestricted)
    {
        Expression = expression;
        (_minutes, _hours, _daysOfMonth, _months, _daysOfWeek) = (minutes, hours, daysOfMonth, months, daysOfWeek);
        (_dayOfMonthRestricted, _dayOfWeekRestricted) = (domRestricted, dowRestricted);
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
            throw new FormatException($"Cron expression '{expression}' must have 5 fields (minute hour day month weekday), found {fields.Length}.");
        var daysOfWeek = ParseField(fields[4], 0, 7, DayNames, "weekday");
        if (daysOfWeek[7])
            daysOfWeek[0] = true; // 7 is Sunday too
        return new CronSchedule(expression,
            ParseField(fields[0], 0, 59, null, "minute"),
            ParseField(fields[1], 0, 23, null, "hour"),
            ParseField(fields[2], 1, 31, null, "day of month"),
            ParseField(fields[3], 1, 12, MonthNames, "month"),
            daysOfWeek,
            fields[2] != "*", fields[4] != "*");
    }

    /// <summary>The first firing strictly after <paramref name="after"/>, or null if none within 5 years (e.g. 30 FEB).</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_months[t.Month])
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            else if (!DayMatches(t))
                t = t.Date.AddDays(1);
            else if (!_hours[t.Hour])
                t = t.Date.AddHours(t.Hour + 1);
            else if (!_minutes[t.Minute])
                t = t.AddMinutes(1);
            else if (zone.IsInvalidTime(t))
                t = t.AddMinutes(1); // skipped by a daylight-saving jump
            else
                return new DateTimeOffset(t, zone.GetUtcOffset(t));
        }
        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = _daysOfMonth[t.Day];
        var dow = _daysOfWeek[(int)t.DayOfWeek];
        return (_dayOfMonthRestricted, _dayOfWeekRestricted) switch
        {
            (true, true) => dom || dow,
            (true, false) => dom,
            (false, true) => dow,
            _ => true,
        };
    }

    private static bool[] ParseField(string field, int min, int max, string[]? names, string what)
    {
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var stepSplit = part.Split('/');
            if (stepSplit.Length > 2)
                throw new FormatException($"Cron {what} field '{field}': '{part}' has more than one '/'.");
            var step = 1;
            if (stepSplit.Length == 2 && (!int.TryParse(stepSplit[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
                throw new FormatException($"Cron {what} field '{field}': step '{stepSplit[1]}' must be a positive number.");

            int from, to;
            var range = stepSplit[0];
            if (range == "*")
                (from, to) = (min, max);
            else if (range.Contains('-', StringComparison.Ordinal))
            {
                var ends = range.Split('-');
                if (ends.Length != 2)
                    throw new FormatException($"Cron {what} field '{field}': bad range '{range}'.");
                (from, to) = (Value(ends[0], min, max, names, what, field), Value(ends[1], min, max, names, what, field));
                if (from > to)
                    throw new FormatException($"Cron {what} field '{field}': range '{range}' runs backwards.");
            }
            else
            {
                from = Value(range, min, max, names, what, field);
                to = stepSplit.Length == 2 ? max : from; // "5/15" means from 5 every 15
            }
            for (var v = from; v <= to; v += step)
                set[v] = true;
        }
        return set;
    }

    private static int Value(string token, int min, int max, string[]? names, string what, string field)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => n.Equals(token, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return index + (names.Length == 12 ? 1 : 0);
        }
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new FormatException($"Cron {what} field '{field}': '{token}' is not a value between {min} and {max}.");
        return value;
    }

    public override string ToString() => Expression;
}
