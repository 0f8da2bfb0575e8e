using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Jobs;

public sealed class JobStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Fetch_TakesOverAJob_OnlyAfterItsLeaseExpired(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var clock = new ManualClock();
        using var backbone = new Backbone(db.DataSource, clock, [new DelegateJob("t", (_, _) => Task.CompletedTask)]);
        await backbone.Jobs.EnqueueAsync([new NewJob("t", "k")], CancellationToken.None);
        var lease = TimeSpan.FromMinutes(5);

        var first = Assert.Single(await backbone.Jobs.FetchAsync(["t"], 5, "dead-worker#1", lease, CancellationToken.None));
        clock.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await backbone.Jobs.FetchAsync(["t"], 5, "other#1", lease, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        var second = Assert.Single(await backbone.Jobs.FetchAsync(["t"], 5, "other#2", lease, CancellationToken.None));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempt);
        // The worker that lost the lease can no longer change the job.
        Assert.False(await backbone.Jobs.CompleteAsync(first, [], CancellationToken.None));
        Assert.False(await backbone.Jobs.FailAsync(first, "late", CancellationToken.None));
        Assert.True(await backbone.Jobs.CompleteAsync(second, [], CancellationToken.None));
        Assert.Equal(JobState.Succeeded, (await backbone.Jobs.GetAsync(first.Id, CancellationToken.None))!.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task RenewLeases_ReportsJobsThatWereDeleted_AndDeleteThenRetry_RunsTheJobAgain(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var backbone = new Backbone(db.DataSource, new ManualClock(), [new DelegateJob("t", (_, _) => Task.CompletedTask)]);
        await backbone.Jobs.EnqueueAsync([new NewJob("t", "a"), new NewJob("t", "b")], CancellationToken.None);
        var fetched = await backbone.Jobs.FetchAsync(["t"], 5, "w#1", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(2, fetched.Count);

        Assert.True(await backbone.Jobs.DeleteAsync(fetched[0].Id, CancellationToken.None));
        var stillOurs = await backbone.Jobs.RenewLeasesAsync(fetched, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([fetched[1].Id], stillOurs);

        Assert.True(await backbone.Jobs.CompleteAsync(fetched[1], [], CancellationToken.None));
        Assert.False(await backbone.Jobs.DeleteAsync(fetched[1].Id, CancellationToken.None)); // succeeded jobs stay
        Assert.False(await backbone.Jobs.RetryAsync(fetched[1].Id, CancellationToken.None));
        Assert.True(await backbone.Jobs.RetryAsync(fetched[0].Id, CancellationToken.None));
        var again = Assert.Single(await backbone.Jobs.FetchAsync(["t"], 5, "w#2", TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(fetched[0].Id, again.Id);
        Assert.Equal(1, again.Attempt); // fresh attempts after a manual retry
    }

    [Fact]
    public async Task Fetch_OnlyTakesTheTypesThisProcessHandles_InPriorityOrder()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource, new ManualClock());
        await backbone.Jobs.EnqueueAsync(
        [
            new NewJob("transcribe", "t1") { Priority = 1 },
            new NewJob("analyze", "a1") { Priority = 2 },
            new NewJob("other", "o1") { Priority = 9 },
        ], CancellationToken.None);

        var first = await backbone.Jobs.FetchAsync(["transcribe", "analyze"], 1, "w#1", TimeSpan.FromMinutes(1), CancellationToken.None);
        var rest = await backbone.Jobs.FetchAsync(["transcribe", "analyze"], 10, "w#2", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("analyze", Assert.Single(first).JobType);
        Assert.Equal("transcribe", Assert.Single(rest).JobType);
        Assert.Equal(1, (await backbone.Jobs.CountAsync(CancellationToken.None))[JobState.Enqueued]);
    }
}
