using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Jobs;

/// <summary>
/// Real worker processes (tests/SpeechQa.TestWorker) on a real store: one is killed with SIGKILL in the
/// middle of its jobs; its successor must finish every job exactly once, losing and duplicating nothing.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int JobCount = 24;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task KilledWorker_ItsJobsRunAgainAfterTheLeaseExpires_AndEveryJobCompletesExactlyOnce(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await CreateObservationTablesAsync(db.DataSource);
        using var backbone = new Backbone(db.DataSource);
        await backbone.Jobs.EnqueueAsync(Enumerable.Range(0, JobCount).Select(i => new NewJob("observable", $"job-{i}") { CallId = $"C{i:000}" }).ToList(), CancellationToken.None);
        var worker = ChildProcess.OutputOf("tests/SpeechQa.TestWorker", "SpeechQa.TestWorker.dll");

        using (var victim = ChildProcess.Start(worker, [db.Setting, "3", "1500", "800", "victim"]))
        {
            // Wait until the victim is mid-job on a second batch: some jobs finished, others started but not finished.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CountAsync(db.DataSource, "test_executions") < 3 || await InFlightAsync(db.DataSource) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the victim worker never got going");
                await Task.Delay(20);
            }
            victim.Kill(); // SIGKILL: no shutdown code runs
            await victim.WaitForExitAsync();
        }
        var processingAtKill = (await backbone.Jobs.CountAsync(CancellationToken.None))[JobState.Processing];
        Assert.True(processingAtKill > 0, "killed mid-job: jobs must be left in processing");

        var (exitCode, output) = await ChildProcess.RunAsync(worker, [db.Setting, "3", "1500", "50", "successor"], timeout: TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);

        var counts = await backbone.Jobs.CountAsync(CancellationToken.None);
        Assert.Equal(JobCount, counts[JobState.Succeeded]);
        Assert.Equal(JobCount, counts.ByState.Values.Sum());
        Assert.Equal(JobCount, await CountAsync(db.DataSource, "test_effects"));
        // Each job completed exactly once: its completion record is written with its success, once per job.
        Assert.Equal(JobCount, await CountAsync(db.DataSource, "test_executions"));
        Assert.Equal(JobCount, await db.DataSource.ScalarAsync<long>("SELECT COUNT(DISTINCT job_id) FROM test_executions", null, CancellationToken.None));
        // Exactly the jobs the victim held were taken over (second attempt); the ones it was running were started again.
        var reattempted = await db.DataSource.ScalarAsync<long>("SELECT COUNT(*) FROM jobs WHERE attempt = 2", null, CancellationToken.None);
        Assert.Equal(processingAtKill, reattempted);
        var restarted = await db.DataSource.ScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT job_id FROM test_starts GROUP BY job_id HAVING COUNT(*) > 1) AS twice", null, CancellationToken.None);
        Assert.InRange(restarted, 1, processingAtKill);
    }

    [Fact]
    public async Task SeveralWorkerProcessesOnPostgres_ExecuteEveryJobExactlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.PostgreSql);
        await CreateObservationTablesAsync(db.DataSource);
        using var backbone = new Backbone(db.DataSource);
        const int jobs = 300;
        await backbone.Jobs.EnqueueAsync(Enumerable.Range(0, jobs).Select(i => new NewJob("observable", $"job-{i}")).ToList(), CancellationToken.None);
        var worker = ChildProcess.OutputOf("tests/SpeechQa.TestWorker", "SpeechQa.TestWorker.dll");

        var runs = Enumerable.Range(0, 3).Select(i => ChildProcess.RunAsync(worker, [db.Setting, "4", "30000", "5", $"w{i}"], timeout: TimeSpan.FromMinutes(2))).ToList();
        foreach (var (exitCode, output) in await Task.WhenAll(runs))
            Assert.True(exitCode == 0, output);

        Assert.Equal(jobs, await CountAsync(db.DataSource, "test_executions"));
        Assert.Equal(jobs, await db.DataSource.ScalarAsync<long>("SELECT COUNT(DISTINCT job_id) FROM test_executions", null, CancellationToken.None));
        Assert.Equal(jobs, (await backbone.Jobs.CountAsync(CancellationToken.None))[JobState.Succeeded]);
        // All three processes took part.
        Assert.Equal(3, await db.DataSource.ScalarAsync<long>("SELECT COUNT(DISTINCT worker) FROM test_executions", null, CancellationToken.None));
    }

    private static async Task CreateObservationTablesAsync(StoreDataSource store)
    {
        var id = store.Engine == StoreEngine.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        await store.ExecuteAsync($"CREATE TABLE test_starts (n {id}, job_id BIGINT NOT NULL, worker TEXT NOT NULL)", null, CancellationToken.None);
        await store.ExecuteAsync("CREATE TABLE test_effects (job_id BIGINT PRIMARY KEY)", null, CancellationToken.None);
        await store.ExecuteAsync($"CREATE TABLE test_executions (n {id}, job_id BIGINT NOT NULL, worker TEXT NOT NULL)", null, CancellationToken.None);
    }

    private static async Task<long> CountAsync(StoreDataSource store, string table) =>
        await store.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}", null, CancellationToken.None);

    private static async Task<long> InFlightAsync(StoreDataSource store) =>
        await store.ScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT DISTINCT job_id FROM test_starts WHERE job_id NOT IN (SELECT job_id FROM test_effects)) AS running",
            null, CancellationToken.None);
}
