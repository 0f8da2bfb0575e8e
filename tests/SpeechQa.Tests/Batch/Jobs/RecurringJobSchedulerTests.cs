using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Jobs;

public sealed class RecurringJobSchedulerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task EnqueueDue_FiresEachOccurrenceOnce_EvenWithTwoSchedulers_AndMissedOnesOnlyOnce(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var clock = new ManualClock(new DateTimeOffset(2024, 11, 5, 9, 2, 0, TimeSpan.FromHours(8)));
        var options = new JobServerOptions { TimeZone = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8") };
        using var a = new Backbone(db.DataSource, clock, options: options);
        using var b = new Backbone(db.DataSource, clock, options: options);
        await a.Recurring.AddOrUpdateAsync("scan:/rec", "*/5 * * * *", "scan-recorder-folder", "/rec", CancellationToken.None);

        Assert.Equal(0, await a.Recurring.EnqueueDueAsync(CancellationToken.None)); // next is 09:05
        clock.Advance(TimeSpan.FromMinutes(3));
        var fired = await a.Recurring.EnqueueDueAsync(CancellationToken.None) + await b.Recurring.EnqueueDueAsync(CancellationToken.None);
        Assert.Equal(1, fired);

        clock.Advance(TimeSpan.FromHours(2)); // 24 occurrences missed while everything was down
        fired = await b.Recurring.EnqueueDueAsync(CancellationToken.None) + await a.Recurring.EnqueueDueAsync(CancellationToken.None);
        Assert.Equal(1, fired);

        var jobs = await a.Jobs.ListAsync(null, null, 10, CancellationToken.None);
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal("scan-recorder-folder", j.JobType));
        var recurring = Assert.Single(await a.Recurring.ListAsync(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 11, 10, 0, TimeSpan.FromHours(8)), recurring.NextRunAt);
    }

    [Fact]
    public async Task AddOrUpdate_RejectsAnInvalidCronExpression()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource);
        await Assert.ThrowsAsync<FormatException>(() => backbone.Recurring.AddOrUpdateAsync("x", "every 5 minutes", "t", null, CancellationToken.None));
        Assert.Empty(await backbone.Recurring.ListAsync(CancellationToken.None));
    }
}
