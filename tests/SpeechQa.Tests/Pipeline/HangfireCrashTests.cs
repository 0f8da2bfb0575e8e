using System.Diagnostics;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SpeechQa.Tests.Pipeline;

/// <summary>
/// The pipeline on Hangfire survives SIGKILL: a `speechqa worker` is killed five times while it
/// works through 1 000 calls (embedded store with Hangfire's in-memory queue, and PostgreSQL with Hangfire's
/// PostgreSQL storage); a `run` then finishes the batch. Every call is scored — none lost — and every result is
/// there once — none duplicated; the time from the restart to the last call is printed.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class HangfireCrashTests(ITestOutputHelper output)
{
    private const int Calls = 1000;
    private const int Kills = 5;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_worker_killed_five_times_loses_no_call_and_duplicates_no_result(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var folder = new TempManifestFolder();
        var rows = new List<string> { "call_id,started_at,direction,caller,agent_id,transcript" };
        for (var i = 0; i < Calls; i++)
        {
            var id = $"K{i:0000}";
            folder.WriteTranscript(id, customerLine: i % 3 == 0 ? "暖气不热，室温只有十六度" : "我家从早上开始就没水了。");
            rows.Add($"{id},2024-11-0{1 + i % 9}T{8 + i % 10:00}:{i % 60:00}:00+08:00,inbound,1380013{i % 50:0000},A{i % 7:000},transcripts/{id}.json");
        }
        var manifest = folder.Write("m.csv", string.Join('\n', rows));
        var cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");
        var environment = new Dictionary<string, string> { ["SPEECHQA_INDEX"] = "off" };
        Assert.Equal(0, (await ChildProcess.RunAsync(cli, ["ingest", manifest, "--db", db.Setting], folder.Root)).ExitCode);

        for (var kill = 1; kill <= Kills; kill++)
        {
            var before = await ScoredAsync(db);
            // Kill after some progress, but leave calls for the kills still to come: a warm worker scores hundreds of
            // calls while a loaded machine delays one poll (CI once saw 102 → 439 between two), so a fixed step of 30
            // could leave too few calls for the last kills. One worker thread leaves the test a core to poll on.
            var step = Math.Clamp((Calls - (int)before) / (Kills - kill + 3), 1, 30);
            using var worker = ChildProcess.Start(cli, ["worker", "--db", db.Setting, "--workers", "1"], folder.Root, environment);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await ScoredAsync(db) < before + step)
            {
                Assert.True(DateTime.UtcNow < deadline && !worker.HasExited, $"kill {kill}: the worker never got going: {(worker.HasExited ? await worker.StandardError.ReadToEndAsync() : "")}");
                await Task.Delay(100);
            }
            worker.Kill(); // SIGKILL: no shutdown code runs, Hangfire's queue and locks are left as they are
            await worker.WaitForExitAsync();
            output.WriteLine($"kill {kill}: {await ScoredAsync(db)} calls scored");
        }
        Assert.True(await ScoredAsync(db) < Calls, "the kills must come before the batch is done");

        var clock = Stopwatch.StartNew();
        var (exitCode, runOutput) = await ChildProcess.RunAsync(cli, ["run", "--db", db.Setting, "--workers", "2"], folder.Root, TimeSpan.FromMinutes(5), environment);
        output.WriteLine($"{engine}: restart to last call done {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(exitCode == 0, runOutput);

        Assert.Equal(Calls, await ScoredAsync(db));
        Assert.Equal(Calls, await CountAsync(db, "SELECT COUNT(*) FROM calls"));
        Assert.Equal(Calls, await CountAsync(db, "SELECT COUNT(*) FROM call_judgements"));
        Assert.Equal(Calls, await CountAsync(db, "SELECT COUNT(DISTINCT call_id) FROM call_judgements"));
        Assert.Equal(Calls, await CountAsync(db, "SELECT COUNT(*) FROM call_metrics"));
        Assert.Equal(await CountAsync(db, "SELECT COUNT(DISTINCT call_id) FROM repeat_members"), await CountAsync(db, "SELECT COUNT(*) FROM repeat_members"));
    }

    [Fact]
    public async Task Three_worker_processes_share_one_PostgreSQL_and_score_every_call_once()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.PostgreSql);
        using var folder = new TempManifestFolder();
        const int calls = 150;
        var rows = new List<string> { "call_id,started_at,direction,caller,agent_id,transcript" };
        for (var i = 0; i < calls; i++)
        {
            folder.WriteTranscript($"W{i:0000}");
            rows.Add($"W{i:0000},2024-11-05T{8 + i % 10:00}:{i % 60:00}:00+08:00,inbound,1390013{i:0000},A001,transcripts/W{i:0000}.json");
        }
        var cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");
        var environment = new Dictionary<string, string> { ["SPEECHQA_INDEX"] = "off" };
        var workers = Enumerable.Range(0, 3)
            .Select(_ => ChildProcess.Start(cli, ["worker", "--db", db.Setting, "--workers", "1"], folder.Root, environment)).ToList();
        try
        {
            // All three servers up before the calls arrive, so each can take a share; the calls come from another
            // process's ingest, and the minutely reconcile pass of one of the workers enqueues them.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (await ServersAsync(db) < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{await ServersAsync(db)} of 3 Hangfire servers started in a minute");
                Assert.DoesNotContain(workers, w => w.HasExited);
                await Task.Delay(200);
            }
            Assert.Equal(0, (await ChildProcess.RunAsync(cli, ["ingest", folder.Write("m.csv", string.Join('\n', rows)), "--db", db.Setting], folder.Root)).ExitCode);
            deadline = DateTime.UtcNow.AddMinutes(4);
            while (await ScoredAsync(db) < calls)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{await ScoredAsync(db)} of {calls} scored in 4 minutes");
                Assert.DoesNotContain(workers, w => w.HasExited);
                await Task.Delay(200);
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Kill();
                await worker.WaitForExitAsync();
                worker.Dispose();
            }
        }
        Assert.Equal(calls, await CountAsync(db, "SELECT COUNT(DISTINCT call_id) FROM call_judgements"));
        Assert.Equal(calls, await CountAsync(db, "SELECT COUNT(*) FROM call_judgements"));
        var status = await ChildProcess.RunAsync(cli, ["status", "--db", db.Setting], folder.Root);
        Assert.Matches(@"Hangfire: enqueued \d+, processing \d+, scheduled \d+, failed 0, succeeded [1-9]\d*", status.Output);
        // All three took part: Hangfire records the server of every job it processed.
        Assert.Equal(3, await CountAsync(db, "SELECT COUNT(DISTINCT data::json->>'ServerId') FROM hangfire.state WHERE name = 'Processing'"));
    }

    private static async Task<long> ServersAsync(TestDatabase db)
    {
        try
        {
            return await CountAsync(db, "SELECT COUNT(*) FROM hangfire.server");
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // the first worker has not created Hangfire's schema yet
        }
    }

    private static Task<long> ScoredAsync(TestDatabase db) => CountAsync(db, "SELECT COUNT(*) FROM calls WHERE status = 'scored'");

    private static async Task<long> CountAsync(TestDatabase db, string sql) =>
        await db.DataSource.ScalarAsync<long>(sql, null, CancellationToken.None);
}
