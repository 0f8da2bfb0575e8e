using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Jobs;

public sealed class JobServerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Run_NeverStartsALongJobTwice_WhileItsWorkerRenewsTheLease(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var runs = 0;
        var job = new DelegateJob("long", async (_, ct) => { Interlocked.Increment(ref runs); await Task.Delay(TimeSpan.FromSeconds(6), ct); });
        // Renewed every 300 ms, so a stalled machine (the suite runs crash tests beside this one) has 6 chances per lease.
        var options = new JobServerOptions { LeaseDuration = TimeSpan.FromSeconds(2), HeartbeatInterval = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(50), WorkerCount = 2 };
        using var a = new Backbone(db.DataSource, handlers: [job], options: options with { ServerId = "a" });
        using var b = new Backbone(db.DataSource, handlers: [job], options: options with { ServerId = "b" });
        await a.Jobs.EnqueueAsync([new NewJob("long", "k")], CancellationToken.None);

        // Both servers poll throughout: the job outlives its lease three times over, but heartbeats keep it.
        await Task.WhenAll(a.Server.RunAsync(CancellationToken.None, untilDrained: true), b.Server.RunAsync(CancellationToken.None, untilDrained: true));

        Assert.Equal(1, runs);
        var stored = Assert.Single(await a.Jobs.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Equal(JobState.Succeeded, stored.State);
        Assert.Equal(1, stored.Attempt);
    }

    [Fact]
    public async Task Run_PutsInterruptedJobsBackInTheQueue_WhenShutdownOutlastsTheTimeout()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var started = new TaskCompletionSource();
        var job = new DelegateJob("slow", async (_, ct) => { started.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); });
        var options = new JobServerOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(50) };
        using var backbone = new Backbone(db.DataSource, handlers: [job], options: options);
        await backbone.Jobs.EnqueueAsync([new NewJob("slow", "k")], CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var server = backbone.Server.RunAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        var stored = Assert.Single(await backbone.Jobs.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Equal(JobState.Enqueued, stored.State); // not failed, not stuck in processing
        Assert.Equal(0, stored.Attempt);
        Assert.Empty(job.Failures);
    }

    [Fact]
    public async Task Run_LetsRunningJobsFinish_WhenStoppedWithinTheShutdownTimeout()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var started = new TaskCompletionSource();
        var job = new DelegateJob("short", async (_, ct) => { started.TrySetResult(); await Task.Delay(300, ct); });
        using var backbone = new Backbone(db.DataSource, handlers: [job], options: new JobServerOptions { ShutdownTimeout = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(50) });
        await backbone.Jobs.EnqueueAsync([new NewJob("short", "a"), new NewJob("short", "b"), new NewJob("short", "c")], CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var server = backbone.Server.RunAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await server.WaitAsync(TimeSpan.FromSeconds(20));

        var counts = await backbone.Jobs.CountAsync(CancellationToken.None);
        Assert.True(counts[JobState.Succeeded] >= 1);
        Assert.Equal(0, counts[JobState.Processing]);
        Assert.Equal(3, counts[JobState.Succeeded] + counts[JobState.Enqueued]); // the rest were never taken
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Run_ExecutesEveryJobOnce_WithSeveralServersOnOneStore(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var executions = new System.Collections.Concurrent.ConcurrentBag<long>();
        var job = new DelegateJob("n", async (context, ct) => { executions.Add(context.Job.Id); await Task.Delay(Random.Shared.Next(0, 5), ct); });
        var options = new JobServerOptions { WorkerCount = 4, PollInterval = TimeSpan.FromMilliseconds(20) };
        var servers = Enumerable.Range(0, 3).Select(i => new Backbone(db.DataSource, handlers: [job], options: options with { ServerId = $"s{i}" })).ToList();
        await servers[0].Jobs.EnqueueAsync(Enumerable.Range(0, 200).Select(i => new NewJob("n", $"k{i}")).ToList(), CancellationToken.None);

        await Task.WhenAll(servers.Select(s => s.Server.RunAsync(CancellationToken.None, untilDrained: true)));

        Assert.Equal(200, executions.Count);
        Assert.Equal(200, executions.Distinct().Count());
        Assert.Equal(200, (await servers[0].Jobs.CountAsync(CancellationToken.None))[JobState.Succeeded]);
        servers.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Run_TakesOverJobsOfAWorkerOnThisMachineThatNoLongerExists_WithoutWaitingForTheLease()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var job = new DelegateJob("t", (_, _) => Task.CompletedTask);
        using var backbone = new Backbone(db.DataSource, handlers: [job]);
        await backbone.Jobs.EnqueueAsync([new NewJob("t", "k")], CancellationToken.None);
        var deadOwner = $"{Environment.MachineName}/{int.MaxValue - 7}/deadbeef";
        Assert.Single(await backbone.Jobs.FetchAsync(["t"], 1, deadOwner + "#1", TimeSpan.FromHours(1), CancellationToken.None));

        await backbone.Server.RunAsync(CancellationToken.None, untilDrained: true).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(JobState.Succeeded, Assert.Single(await backbone.Jobs.ListAsync(null, null, 10, CancellationToken.None)).State);
        Assert.False(DeadWorkerDetector.IsDeadLocalOwner($"{Environment.MachineName}/{Environment.ProcessId}/x"));
        Assert.False(DeadWorkerDetector.IsDeadLocalOwner($"other-machine/{int.MaxValue - 7}/x"));
    }

    [Fact]
    public async Task RunUntilDrained_Returns_WhenOnlyJobsOfTypesItCannotRunRemain()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource, handlers: [new DelegateJob("ours", (_, _) => Task.CompletedTask)]);
        await backbone.Jobs.EnqueueAsync([new NewJob("ours", "a"), new NewJob("index", "b")], CancellationToken.None);

        await backbone.Server.RunAsync(CancellationToken.None, untilDrained: true).WaitAsync(TimeSpan.FromSeconds(20));

        var jobs = await backbone.Jobs.ListAsync(null, null, 10, CancellationToken.None);
        Assert.Equal(JobState.Succeeded, jobs.Single(j => j.JobType == "ours").State);
        Assert.Equal(JobState.Enqueued, jobs.Single(j => j.JobType == "index").State); // left for a process that runs it
    }
}
