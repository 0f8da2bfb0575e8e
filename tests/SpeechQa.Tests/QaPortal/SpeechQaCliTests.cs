using System.Text.Json;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>The `speechqa` command as a user runs it: a real process, a real SQLite file, real files.</summary>
public sealed class SpeechQaCliTests
{
    private static readonly string Cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");

    private const string Header = "call_id,started_at,direction,caller,agent_id,team,audio,transcript";

    [Fact]
    public async Task IngestRunExport_ProducesOneLinePerCall_AndExportedTranscriptsReimportToTheSameResults()
    {
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("E1");
        folder.WriteTranscript("E2", agentLine: "您好，请问有什么可以帮您", customerLine: "暖气不热，室温只有十六度");
        folder.WriteBytes("audio/E3.wav", TestWav.Stereo(8000, 2, [(0.2, 1.0)], [(1.2, 1.8)]));
        folder.WriteBytes("audio/E4.wav", [0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
        var manifest = folder.Write("manifest.csv", string.Join('\n', Header,
            "E1,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,热线一组,,transcripts/E1.json",
            "E2,2023-11-01T10:12:03+08:00,inbound,13900139000,A018,热线二组,,transcripts/E2.json",
            "E3,2023-11-01T11:12:03+08:00,inbound,13700137000,A018,热线二组,audio/E3.wav,",
            "E4,2023-11-01T11:13:03+08:00,inbound,13700137000,A018,热线二组,audio/E4.wav,"));
        var db = Path.Combine(folder.Root, "qa.db");

        Assert.Equal(0, (await Speechqa(folder.Root, "ingest", manifest, "--db", db)).ExitCode);
        var run = await Speechqa(folder.Root, "run", "--db", db, "--workers", "2");
        Assert.Equal(1, run.ExitCode); // E3 has audio only and no recogniser is configured; E4 is not audio at all
        Assert.Contains("failed E3", run.Output);
        Assert.Contains("failed E4", run.Output);
        var export = await Speechqa(folder.Root, "export", "--db", db, "--jsonl", "out/results.jsonl", "--transcripts", "out/transcripts");
        Assert.Equal(0, export.ExitCode);

        var lines = ReadExport(Path.Combine(folder.Root, "out/results.jsonl"));
        Assert.Equal(["E1", "E2", "E3", "E4"], lines.Keys);
        Assert.Equal("scored", lines["E1"].GetProperty("status").GetString());
        Assert.Equal(7.1, lines["E1"].GetProperty("metrics").GetProperty("duration_s").GetDouble());
        Assert.Equal("failed", lines["E3"].GetProperty("status").GetString());
        Assert.Contains("no speech recogniser", lines["E3"].GetProperty("error").GetString());
        Assert.False(lines["E3"].TryGetProperty("metrics", out _));
        Assert.Contains("cannot decode the recording: E4.wav", lines["E4"].GetProperty("error").GetString());
        Assert.InRange(lines["E1"].GetProperty("score").GetDouble(), 0, 100); // scored by the repository's rules, as installed
        Assert.False(lines["E3"].TryGetProperty("score", out _)); // a failed call has no score: omitted, never faked

        // Round trip: the exported transcripts, ingested into a fresh store, give the same results.
        var reimport = folder.Write("out/manifest.csv", string.Join('\n', Header,
            "E1,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,热线一组,,transcripts/E1.json",
            "E2,2023-11-01T10:12:03+08:00,inbound,13900139000,A018,热线二组,,transcripts/E2.json"));
        var db2 = Path.Combine(folder.Root, "qa2.db");
        Assert.Equal(0, (await Speechqa(folder.Root, "ingest", reimport, "--db", db2)).ExitCode);
        Assert.Equal(0, (await Speechqa(folder.Root, "run", "--db", db2)).ExitCode);
        Assert.Equal(0, (await Speechqa(folder.Root, "export", "--db", db2, "--jsonl", "out2.jsonl", "--transcripts", "out2")).ExitCode);
        var second = ReadExport(Path.Combine(folder.Root, "out2.jsonl"));
        foreach (var id in new[] { "E1", "E2" })
        {
            Assert.Equal(lines[id].GetRawText(), second[id].GetRawText());
            Assert.Equal(File.ReadAllText(Path.Combine(folder.Root, "out/transcripts", id + ".json")), File.ReadAllText(Path.Combine(folder.Root, "out2", id + ".json")));
        }
    }

    [Fact]
    public async Task ExitCodes_Are2ForUsageAndConfig_1ForRejectedRows_0WhenAllIsWell()
    {
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("X1");
        var good = folder.Write("good.csv", Header + "\nX1,2023-11-01T09:12:03+08:00,inbound,1,A1,,,transcripts/X1.json\n");
        var mixed = folder.Write("mixed.csv", Header + "\nX2,yesterday,inbound,1,A1,,,transcripts/X1.json\n");
        var db = Path.Combine(folder.Root, "qa.db");

        Assert.Equal(2, (await Speechqa(folder.Root, "frobnicate")).ExitCode);
        Assert.Equal(2, (await Speechqa(folder.Root, "ingest", "--db", db)).ExitCode);
        var missing = await Speechqa(folder.Root, "ingest", Path.Combine(folder.Root, "nope.csv"), "--db", db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("neither a manifest file nor a folder", missing.Output);
        var badDb = await Speechqa(folder.Root, "status", "--db", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");
        Assert.Equal(2, badDb.ExitCode);
        Assert.Contains("error", badDb.Output);
        Assert.Equal(2, (await Speechqa(folder.Root, "worker", "--db", db, "--watch", folder.Root, "--scan-cron", "every minute")).ExitCode);

        var rejected = await Speechqa(folder.Root, "ingest", mixed, "--db", db);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("line 2 (X2): started_at 'yesterday'", rejected.Output);
        Assert.Equal(0, (await Speechqa(folder.Root, "ingest", good, "--db", db)).ExitCode);
        Assert.Equal(0, (await Speechqa(folder.Root, "run", "--db", db)).ExitCode);
        var status = await Speechqa(folder.Root, "status", "--db", db);
        Assert.Matches(@"scored\s+1", status.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task JobsCommands_ListRetryAndDeleteFailedWork(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var db = database.Setting;
        using var folder = new TempManifestFolder();
        folder.WriteBytes("audio/J1.wav", [1, 2, 3]); // not audio: fails for good at once
        var manifest = folder.Write("m.csv", Header + "\nJ1,2023-11-01T09:12:03+08:00,inbound,1,A1,,audio/J1.wav,\n");
        await Speechqa(folder.Root, "ingest", manifest, "--db", db);
        if (engine == StoreEngine.PostgreSql)
        {
            // Looking changes nothing: before any worker ran, status does not create Hangfire's schema.
            Assert.Contains("no jobs yet", (await Speechqa(folder.Root, "status", "--db", db)).Output);
            Assert.Null(await database.DataSource.ScalarAsync<string>("SELECT to_regclass('hangfire.job')::text", null, CancellationToken.None));
        }
        Assert.Equal(1, (await Speechqa(folder.Root, "run", "--db", db)).ExitCode);

        var list = await Speechqa(folder.Root, "jobs", "list", "--state", "failed", "--db", db);
        Assert.Contains("cannot decode the recording", list.Output);
        if (engine == StoreEngine.PostgreSql)
        {
            // Hangfire's own failed job, read through its monitoring API: type, call and reason.
            var row = list.Output.Split('\n').First(l => l.Contains("transcribe", StringComparison.Ordinal));
            Assert.Contains("J1", row);
            var id = row.Trim().Split(' ')[0];
            Assert.Contains($"requeued job {id}", (await Speechqa(folder.Root, "jobs", "retry", id, "--db", db)).Output);
            Assert.Equal(0, (await Speechqa(folder.Root, "jobs", "delete", id, "--db", db)).ExitCode);
            Assert.Contains("J1", (await Speechqa(folder.Root, "jobs", "list", "--state", "deleted", "--db", db)).Output);
            Assert.Equal(1, (await Speechqa(folder.Root, "jobs", "delete", "999999", "--db", db)).ExitCode); // no such job
        }
        else
        {
            // The embedded queue lives in the worker's memory: the command says so and lists the failed calls from the store.
            Assert.Contains("in the worker process's memory", list.Output);
            Assert.Equal(1, (await Speechqa(folder.Root, "jobs", "delete", "1", "--db", db)).ExitCode);
        }

        var retry = await Speechqa(folder.Root, "jobs", "retry", "--all-failed", "--db", db);
        Assert.Contains("requeued 1 failed calls", retry.Output);
        Assert.Matches(@"queued\s+1", (await Speechqa(folder.Root, "status", "--db", db)).Output);
        Assert.Equal(1, (await Speechqa(folder.Root, "run", "--db", db)).ExitCode); // taken again, fails again for the same reason
        Assert.Contains("failed J1: ", (await Speechqa(folder.Root, "status", "--db", db)).Output);
    }

    private static Task<(int ExitCode, string Output)> Speechqa(string workingDirectory, params string[] args) =>
        ChildProcess.RunAsync(Cli, args, workingDirectory);

    private static Dictionary<string, JsonElement> ReadExport(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("call_id").GetString()!, e => e);

    [Fact]
    public async Task Run_MeasuresSilenceAndTalkOnTheRecording_WhenACallHasAudioAndATranscript()
    {
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("M1");
        // Agent on the left speaks 0.5–2.5 s and 6.0–7.0 s, the customer on the right 3.0–4.0 s: 2 s of dead air.
        folder.WriteBytes("audio/M1.wav", TestWav.Stereo(8000, 8, [(0.5, 2.5), (6.0, 7.0)], [(3.0, 4.0)]));
        var manifest = folder.Write("m.csv", "call_id,started_at,direction,caller,agent_id,audio,channels,transcript\n" +
            "M1,2023-11-01T09:12:03+08:00,inbound,1,A1,audio/M1.wav,agent-left,transcripts/M1.json\n");
        var db = Path.Combine(folder.Root, "qa.db");

        await Speechqa(folder.Root, "ingest", manifest, "--db", db);
        Assert.Equal(0, (await Speechqa(folder.Root, "run", "--db", db)).ExitCode);
        await Speechqa(folder.Root, "export", "--db", db, "--jsonl", "r.jsonl");

        var metrics = ReadExport(Path.Combine(folder.Root, "r.jsonl"))["M1"].GetProperty("metrics");
        Assert.Equal("audio", metrics.GetProperty("measured_on").GetString());
        Assert.Equal(8, metrics.GetProperty("duration_s").GetDouble());
        Assert.InRange(metrics.GetProperty("agent_talk_s").GetDouble(), 2.9, 3.1);
        Assert.InRange(metrics.GetProperty("customer_talk_s").GetDouble(), 0.9, 1.1);
        Assert.InRange(metrics.GetProperty("max_silence_s").GetDouble(), 1.9, 2.1);
        Assert.Equal(0, metrics.GetProperty("overlaps").GetInt32());
    }
}
