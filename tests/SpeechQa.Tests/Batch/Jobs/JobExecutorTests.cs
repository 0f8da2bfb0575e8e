using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Jobs;

public sealed class JobExecutorTests
{
    private static readonly JobTypeOptions FlakyOptions = new() { MaxAttempts = 4, RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Execute_RetriesWithExponentialBackoff_ThenFailsKeepingTheException_WhenTheJobKeepsThrowing(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var clock = new ManualClock();
        var attempts = 0;
        var handler = new DelegateJob("flaky", (_, _) => { attempts++; throw new IOException($"disk hiccup #{attempts}"); });
        using var backbone = new Backbone(db.DataSource, clock, [handler], catalog: new JobTypeCatalog(new Dictionary<string, JobTypeOptions> { ["flaky"] = FlakyOptions }));
        await backbone.Jobs.EnqueueAsync([new NewJob("flaky", "k1")], CancellationToken.None);

        for (var attempt = 1; attempt < FlakyOptions.MaxAttempts; attempt++)
        {
            var run = await backbone.RunOneAsync();
            Assert.Equal(JobOutcome.ScheduledForRetry, run!.Value.Outcome);
            var job = await backbone.Jobs.GetAsync(run.Value.Job.Id, CancellationToken.None);
            Assert.Equal(JobState.Scheduled, job!.State);
            var delay = job.RunAt - clock.GetUtcNow();
            var (min, max) = RetryPolicy.Bounds(attempt, FlakyOptions);
            Assert.InRange(delay, min, max);
            Assert.Contains($"disk hiccup #{attempt}", job.LastError);

            // Not due a millisecond early; due exactly on time.
            clock.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Null(await backbone.RunOneAsync());
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var last = await backbone.RunOneAsync();
        Assert.Equal(JobOutcome.Failed, last!.Value.Outcome);
        var failed = await backbone.Jobs.GetAsync(last.Value.Job.Id, CancellationToken.None);
        Assert.Equal(JobState.Failed, failed!.State);
        Assert.Equal(FlakyOptions.MaxAttempts, failed.Attempt);
        Assert.Contains("System.IO.IOException: disk hiccup #4", failed.LastError);
        Assert.Equal(FlakyOptions.MaxAttempts, attempts);
        Assert.Single(handler.Failures);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await backbone.RunOneAsync());
    }

    [Fact]
    public async Task Execute_FailsAtOnce_WhenTheErrorIsPermanent()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var handler = new DelegateJob("decode", (_, _) => throw new PermanentJobException("file is not a WAV file: missing RIFF header"));
        using var backbone = new Backbone(db.DataSource, new ManualClock(), [handler]);
        await backbone.Jobs.EnqueueAsync([new NewJob("decode", "k1")], CancellationToken.None);

        var run = await backbone.RunOneAsync();

        Assert.Equal(JobOutcome.Failed, run!.Value.Outcome);
        var job = await backbone.Jobs.GetAsync(run.Value.Job.Id, CancellationToken.None);
        Assert.Equal(1, job!.Attempt);
        Assert.StartsWith("file is not a WAV file: missing RIFF header", job.LastError);
        Assert.Equal("file is not a WAV file: missing RIFF header", Assert.Single(handler.Failures).Error);
    }

    [Fact]
    public void DelayAfter_DoublesPerAttempt_StaysWithinJitterBounds_AndIsCapped()
    {
        var options = new JobTypeOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(30) };
        var random = new Random(7);
        var delays = Enumerable.Range(1, 8).Select(a => RetryPolicy.DelayAfter(a, options, random)).ToList();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var (min, max) = RetryPolicy.Bounds(attempt, options);
            Assert.InRange(delays[attempt - 1], min, max);
        }
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Bounds(8, options).Max);
        Assert.Equal(TimeSpan.FromSeconds(4), RetryPolicy.Bounds(3, options).Max);
        // Jitter: the same attempt does not always wait the same time.
        Assert.True(Enumerable.Range(0, 20).Select(_ => RetryPolicy.DelayAfter(5, options, random)).Distinct().Count() > 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Execute_EnqueuesContinuationsOnlyOnSuccess_AndOnlyOnce(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var failFirst = true;
        var stage1 = new DelegateJob("stage1", (context, _) =>
        {
            context.ContinueWith(new NewJob("stage2", "stage2:" + context.Job.CallId) { CallId = context.Job.CallId });
            if (failFirst)
            {
                failFirst = false;
                throw new TimeoutException("transient");
            }
            return Task.CompletedTask;
        });
        var clock = new ManualClock();
        using var backbone = new Backbone(db.DataSource, clock, [stage1]);
        await backbone.Jobs.EnqueueAsync([new NewJob("stage1", "stage1:c1") { CallId = "c1" }], CancellationToken.None);

        Assert.Equal(JobOutcome.ScheduledForRetry, (await backbone.RunOneAsync())!.Value.Outcome);
        Assert.DoesNotContain(await backbone.Jobs.ListAsync(null, "c1", 10, CancellationToken.None), j => j.JobType == "stage2");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(JobOutcome.Succeeded, (await backbone.RunOneAsync())!.Value.Outcome);
        // Enqueuing the same continuation key again is a no-op.
        Assert.Equal(0, await backbone.Jobs.EnqueueAsync([new NewJob("stage2", "stage2:c1")], CancellationToken.None));

        var jobs = await backbone.Jobs.ListAsync(null, "c1", 10, CancellationToken.None);
        Assert.Equal(JobState.Enqueued, Assert.Single(jobs, j => j.JobType == "stage2").State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Execute_WritesResultsWithTheAck_AndDropsThem_WhenTheJobWasDeletedWhileRunning(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await db.DataSource.ExecuteAsync("CREATE TABLE scratch (job_id BIGINT NOT NULL)", null, CancellationToken.None);
        JobStore? jobs = null;
        var handler = new DelegateJob("w", async (context, ct) =>
        {
            context.WriteOnSuccess((tx, c) => tx.ExecuteAsync("INSERT INTO scratch (job_id) VALUES (@id)", new SqlParameterList { { "id", context.Job.Id } }, c));
            if (context.Job.CallId == "deleted")
                await jobs!.DeleteAsync(context.Job.Id, ct); // an admin deletes it mid-run
        });
        using var backbone = new Backbone(db.DataSource, new ManualClock(), [handler]);
        jobs = backbone.Jobs;
        await backbone.Jobs.EnqueueAsync([new NewJob("w", "a") { CallId = "kept" }, new NewJob("w", "b") { CallId = "deleted" }], CancellationToken.None);

        var outcomes = new[] { (await backbone.RunOneAsync())!.Value, (await backbone.RunOneAsync())!.Value };

        Assert.Equal(JobOutcome.Succeeded, outcomes.Single(o => o.Job.CallId == "kept").Outcome);
        Assert.Equal(JobOutcome.LeaseLost, outcomes.Single(o => o.Job.CallId == "deleted").Outcome);
        var written = await db.DataSource.QueryAsync("SELECT job_id FROM scratch", null, r => r.ReadLong(0), CancellationToken.None);
        Assert.Equal([outcomes.Single(o => o.Job.CallId == "kept").Job.Id], written);
    }
}
