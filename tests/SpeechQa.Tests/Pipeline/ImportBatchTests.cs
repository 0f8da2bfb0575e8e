using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Pipeline;

/// <summary>
/// The batched path for large imports: the reconcile pass puts transcript-only calls into import batches (a few
/// Hangfire jobs, not one per call), a call with a recording keeps a job of its own, and a call that fails inside a
/// batch gets a job of its own whose retries and failure are recorded as for any call — the rest of the batch is scored.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class ImportBatchTests
{
    private const int TranscriptOnly = 320;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Transcript_only_calls_run_in_batches_and_a_call_failing_in_one_fails_alone(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var folder = new TempManifestFolder();
        var rows = new List<string> { "call_id,started_at,direction,caller,agent_id,ruleset,audio,transcript" };
        for (var i = 0; i < TranscriptOnly; i++)
        {
            var id = $"B{i:000}";
            folder.WriteTranscript(id);
            // B007 names a rule set that does not exist: its analyze stage throws inside the batch.
            rows.Add($"{id},2024-11-05T{8 + i % 10:00}:{i % 60:00}:00+08:00,inbound,1380000{i:0000},A001,{(i == 7 ? "no-such-set" : "")},,transcripts/{id}.json");
        }
        folder.WriteTranscript("AUDIO1");
        folder.WriteBytes("audio/AUDIO1.wav", TestWav.Stereo(8000, 4, [(0.2, 1.5)], [(2.0, 3.5)]));
        rows.Add("AUDIO1,2024-11-05T12:00:00+08:00,inbound,13900000001,A001,,audio/AUDIO1.wav,transcripts/AUDIO1.json");
        var manifest = folder.Write("m.csv", string.Join('\n', rows));

        var services = new ServiceCollection().AddLogging();
        // Two attempts without back-off, so the failing call's own job fails for good within the test.
        services.AddSpeechQaBatch(db.Setting);
        services.AddSpeechQaPipeline(new JobTypeCatalog(new Dictionary<string, JobTypeOptions>
        {
            ["analyze"] = new() { MaxAttempts = 2, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero },
        }));
        services.AddSingleton(new ScoringOptions(Path.Combine(TestPaths.Repository, "rules"), "water-hotline", Path.Combine(TestPaths.Repository, "models")));
        services.AddSingleton(new PipelineOptions { IndexStageEnabled = false });
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<ManifestIngestor>().IngestAsync(manifest, CancellationToken.None);
        Assert.Equal(TranscriptOnly + 1, report.Added);

        Assert.Equal(TranscriptOnly + 1, await provider.GetRequiredService<PipelineReconciler>().ReconcileAsync(CancellationToken.None));
        var hangfire = provider.GetRequiredService<HangfireJobEngine>();
        var monitoring = hangfire.Storage.GetMonitoringApi();
        // 320 / 32 = 10 calls a batch: 32 batches, and the recording's own transcribe job.
        Assert.Equal(33, monitoring.EnqueuedCount("transcribe"));

        using (hangfire.StartServer(2))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await CountAsync(db, "SELECT COUNT(*) FROM calls WHERE status IN ('scored', 'failed')") < TranscriptOnly + 1)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{await CountAsync(db, "SELECT COUNT(*) FROM calls WHERE status IN ('scored', 'failed')")} calls done in 2 minutes");
                await Task.Delay(200);
            }
        }

        Assert.Equal(TranscriptOnly, await CountAsync(db, "SELECT COUNT(*) FROM calls WHERE status = 'scored'"));
        Assert.Equal(TranscriptOnly, await CountAsync(db, "SELECT COUNT(*) FROM call_judgements"));
        var error = await db.DataSource.ScalarAsync<string>("SELECT error FROM calls WHERE call_id = 'B007' AND status = 'failed'", null, CancellationToken.None);
        Assert.Contains("no-such-set", error);
        Assert.Contains("\"measured_on\":\"audio\"", await db.DataSource.ScalarAsync<string>("SELECT metrics FROM call_metrics WHERE call_id = 'AUDIO1'", null, CancellationToken.None));
        Assert.Equal(1, monitoring.FailedCount()); // B007's own analyze job, after its two attempts
    }

    private static async Task<long> CountAsync(TestDatabase db, string sql) =>
        await db.DataSource.ScalarAsync<long>(sql, null, CancellationToken.None);
}
