namespace SpeechQa.Search;

/// <summary>The first day of the day, week (Monday) or month a date falls in.</summary>
public static class CalendarBucket
{
    public static DateOnly StartOf(DateOnly day, CalendarInterval interval) => interval switch
    {
        CalendarInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        CalendarInterval.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };
}
