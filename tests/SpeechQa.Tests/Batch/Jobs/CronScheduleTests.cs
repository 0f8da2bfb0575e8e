using SpeechQa.Batch.Jobs.Recurring;

namespace SpeechQa.Tests.Batch.Jobs;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    [Theory]
    [InlineData("*/5 * * * *", "2024-11-05T09:02:30+08:00", "2024-11-05T09:05:00+08:00")]
    [InlineData("*/5 * * * *", "2024-11-05T09:05:00+08:00", "2024-11-05T09:10:00+08:00")]
    [InlineData("0 2 * * *", "2024-11-05T09:00:00+08:00", "2024-11-06T02:00:00+08:00")]
    [InlineData("30 8-18/2 * * MON-FRI", "2024-11-08T18:31:00+08:00", "2024-11-11T08:30:00+08:00")]
    [InlineData("0 0 1 JAN,jul *", "2024-11-05T00:00:00+08:00", "2025-01-01T00:00:00+08:00")]
    [InlineData("0 12 29 2 *", "2024-03-01T00:00:00+08:00", "2028-02-29T12:00:00+08:00")]
    [InlineData("0 9 13 * 5", "2024-11-05T10:00:00+08:00", "2024-11-08T09:00:00+08:00")] // day-of-month OR weekday
    [InlineData("15 10 * * 7", "2024-11-05T10:00:00+08:00", "2024-11-10T10:15:00+08:00")] // 7 is Sunday
    public void NextAfter_FindsTheNextFiring(string cron, string after, string expected)
    {
        var next = CronSchedule.Parse(cron).NextAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), Beijing);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("* * * *", "must have 5 fields")]
    [InlineData("61 * * * *", "'61' is not a value between 0 and 59")]
    [InlineData("*/0 * * * *", "step '0' must be a positive number")]
    [InlineData("* 5-2 * * *", "runs backwards")]
    [InlineData("* * * FOO *", "'FOO' is not a value")]
    public void Parse_NamesTheFieldAtFault(string cron, string message)
    {
        Assert.Contains(message, Assert.Throws<FormatException>(() => CronSchedule.Parse(cron)).Message);
    }

    [Fact]
    public void NextAfter_ReturnsNull_ForADateThatNeverExists()
    {
        Assert.Null(CronSchedule.Parse("0 0 30 2 *").NextAfter(DateTimeOffset.UtcNow, Beijing));
    }
}
