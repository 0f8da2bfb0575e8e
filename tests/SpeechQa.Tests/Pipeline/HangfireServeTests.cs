using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Pipeline;

/// <summary>`speechqa serve`: the portal process's own Hangfire workers pick up what `ingest` queued.</summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class HangfireServeTests
{
    [Fact]
    public async Task Serve_on_hangfire_scores_calls_ingested_by_another_process()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("S1");
        folder.WriteTranscript("S2", customerLine: "暖气不热，室温只有十六度");
        var manifest = folder.Write("m.csv", "call_id,started_at,direction,caller,agent_id,transcript\n"
            + "S1,2024-11-05T09:00:00+08:00,inbound,13800000001,A001,transcripts/S1.json\n"
            + "S2,2024-11-05T09:05:00+08:00,inbound,13800000002,A001,transcripts/S2.json\n");
        var cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");
        using var serve = ChildProcess.Start(cli, ["serve", "--db", db.Setting, "--urls", "http://127.0.0.1:0", "--workers", "1"], folder.Root);
        try
        {
            // Ingested beside the portal: its reconcile pass (at start, then every minute) enqueues them.
            Assert.Equal(0, (await ChildProcess.RunAsync(cli, ["ingest", manifest, "--db", db.Setting], folder.Root)).ExitCode);
            var deadline = DateTime.UtcNow.AddSeconds(150);
            while (await db.DataSource.ScalarAsync<long>("SELECT COUNT(*) FROM calls WHERE status = 'scored'", null, CancellationToken.None) < 2)
            {
                Assert.True(DateTime.UtcNow < deadline && !serve.HasExited, "serve did not score the calls");
                await Task.Delay(250);
            }
        }
        finally
        {
            serve.Kill();
            await serve.WaitForExitAsync();
        }
    }
}
