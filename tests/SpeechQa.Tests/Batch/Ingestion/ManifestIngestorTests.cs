using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Batch.Ingestion;

public sealed class ManifestIngestorTests
{
    private const string Header = "call_id,started_at,direction,caller,agent_id,agent_name,team,region,hangup_by,audio,channels,transcript,recorder_site";

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Ingest_RejectsEachBadRowWithItsLineAndReason_AndStillIngestsTheGoodRows(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("OK1");
        folder.WriteTranscript("OK2");
        folder.WriteTranscript("WRONG", agentLine: "x");
        folder.Write("transcripts/BROKEN.json", "{\"call_id\":\"BROKEN\",\"segments\":[{\"speaker\":\"agent\",\"start\":5,\"end\":2,\"text\":\"x\"}]}");
        folder.WriteBytes("audio/EMPTY.wav", []);
        var outside = Path.Combine(Path.GetDirectoryName(folder.Root)!, "outside-" + Guid.NewGuid().ToString("N") + ".wav");
        File.WriteAllBytes(outside, [1, 2, 3]);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "audio", "LINK.wav"), outside);
        var manifest = folder.Write("manifest.csv", string.Join('\n',
            Header,
            "OK1,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,王丽,热线一组,竞秀区,customer,,,transcripts/OK1.json,总部",
            "NODATE,,inbound,13800138000,A017,,,,,,,transcripts/OK1.json,",
            "BADDATE,2023-11-01 09:12,inbound,13800138000,A017,,,,,,,transcripts/OK1.json,",
            "BADDIR,2023-11-01T09:12:03+08:00,sideways,13800138000,A017,,,,,,,transcripts/OK1.json,",
            "ESCAPE,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,../../etc/passwd,,,",
            "ABSOLUTE,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,/etc/passwd,,,",
            "LINK,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,audio/LINK.wav,,,",
            "MISSING,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,audio/nothing.wav,,,",
            "EMPTY,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,audio/EMPTY.wav,,,",
            "WRONG,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,,,transcripts/OK2.json,",
            "BROKEN,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,,,transcripts/BROKEN.json,",
            "SHORT,2023-11-01T09:12:03+08:00,inbound",
            "OK1,2023-11-02T09:12:03+08:00,inbound,13800138000,A017,,,,,,,transcripts/OK1.json,",
            "BADCHAN,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,,,,,,stereo,transcripts/OK1.json,",
            "OK2,2023-11-01T10:00:00Z,outbound,13800138000,A018,,,,agent,,,transcripts/OK2.json,"));

        var report = await backbone.Ingestor.IngestAsync(manifest, CancellationToken.None);
        File.Delete(outside);

        Assert.Equal(2, report.Added);
        var reasons = report.Problems.ToDictionary(p => p.Line, p => p.Reason);
        Assert.Equal(13, reasons.Count);
        Assert.Contains("missing required field: started_at", reasons[3]);
        Assert.Contains("not an ISO-8601 time with an offset", reasons[4]);
        Assert.Contains("direction 'sideways'", reasons[5]);
        Assert.Contains("points outside the manifest's folder", reasons[6]);
        Assert.Contains("must be a path relative to the manifest's folder", reasons[7]);
        Assert.Contains("is a link to a file outside the manifest's folder", reasons[8]);
        Assert.Contains("does not exist", reasons[9]);
        Assert.Contains("is empty", reasons[10]);
        Assert.Contains("belongs to call 'OK2', not 'WRONG'", reasons[11]);
        Assert.Contains("segments[0] ends (2) before it starts (5)", reasons[12]);
        Assert.Contains("has 3 fields but the header has 13", reasons[13]);
        Assert.Contains("call_id appears earlier in this manifest", reasons[14]);
        Assert.Contains("channels 'stereo'", reasons[15]);

        var ok1 = await backbone.Calls.GetAsync("OK1", CancellationToken.None);
        Assert.Equal("王丽", ok1!.Call.AgentName);
        Assert.Equal(TimeSpan.FromHours(8), ok1.Call.StartedAt.Offset);
        Assert.Equal("总部", ok1.Call.Attributes["recorder_site"]);
        Assert.Equal(CallStatus.Queued, ok1.Status);
        var transcript = await backbone.Calls.GetTranscriptAsync("OK1", CancellationToken.None);
        Assert.Equal(2, transcript!.Segments.Count);
        Assert.Contains("avg_logprob", transcript.Segments[1].Extra);
        var ok2 = await backbone.Calls.GetAsync("OK2", CancellationToken.None);
        Assert.Equal(CallDirection.Outbound, ok2!.Call.Direction);
        Assert.Equal(2, (await backbone.Calls.CountByStatusAsync(CancellationToken.None))[CallStatus.Queued]); // the reconcile pass enqueues them
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Ingest_IsANoOpForTheSameContent_AndStartsOverWhenTheAudioChanged(StoreEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        folder.WriteBytes("audio/A.wav", [1, 2, 3, 4]);
        folder.WriteBytes("audio/B.wav", [5, 6, 7, 8]);
        var manifest = folder.Write("manifest.jsonl",
            """
            {"call_id":"A","started_at":"2023-11-01T09:12:03+08:00","direction":"inbound","caller":13800138000,"agent_id":"A017","audio":"audio/A.wav","channels":"agent-left","skill":{"level":2}}

            {"call_id":"B","started_at":"2023-11-01T09:13:03+08:00","direction":"inbound","caller":"13900139000","agent_id":"A017","audio":"audio/B.wav"}
            not json
            """);

        var first = await backbone.Ingestor.IngestAsync(manifest, CancellationToken.None);
        var again = await backbone.Ingestor.IngestAsync(manifest, CancellationToken.None);

        Assert.Equal((2, 0, 0), (first.Added, first.Changed, first.Unchanged));
        Assert.Equal(4, Assert.Single(first.Problems).Line);
        Assert.Equal((0, 0, 2), (again.Added, again.Changed, again.Unchanged));
        var a = await backbone.Calls.GetAsync("A", CancellationToken.None);
        Assert.Equal("13800138000", a!.Call.Caller); // a JSON number stays as written
        Assert.Equal(ChannelLayout.AgentLeft, a.Call.Channels);
        Assert.Equal("{\"level\":2}", a.Call.Attributes["skill"]);
        Assert.Equal(2, (await backbone.Calls.ListQueuedSinceAsync(null, 0, 100, CancellationToken.None)).Count);

        // The recorder re-exports A with different audio: a new revision, queued again; work on revision 1 changes nothing.
        Assert.True(await backbone.Calls.StartStageAsync("A", 1, CallStatus.Transcribing, CancellationToken.None));
        folder.WriteBytes("audio/A.wav", [9, 9, 9, 9, 9]);
        var changed = await backbone.Ingestor.IngestAsync(manifest, CancellationToken.None);

        Assert.Equal((0, 1, 1), (changed.Added, changed.Changed, changed.Unchanged));
        var a2 = await backbone.Calls.GetAsync("A", CancellationToken.None);
        Assert.Equal(2, a2!.Revision);
        Assert.NotEqual(a.Call.AudioSha256, a2.Call.AudioSha256);
        Assert.Equal(CallStatus.Queued, a2.Status);
        Assert.Equal(2, Assert.Single(await backbone.Calls.ListQueuedSinceAsync(null, 0, 10, CancellationToken.None), c => c.CallId == "A").Revision);
        Assert.False(await backbone.Calls.SetStatusAsync("A", 1, CallStatus.Scored, null, CancellationToken.None)); // stale revision
    }

    [Fact]
    public async Task Ingest_ReadsQuotedCsvFields_WithCommasQuotesAndLineBreaks_AndReportsTheRightLines()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("Q1");
        var manifest = folder.Write("m.csv",
            "\uFEFFcall_id,started_at,direction,caller,agent_id,agent_name,transcript,note\r\n" +
            "Q1,2023-11-01T09:12:03+08:00,inbound,13800138000,A017,\"王, 丽\",transcripts/Q1.json,\"第一行\r\n第二行 \"\"引用\"\"\"\r\n" +
            "Q2,bad,inbound,1,A1,,transcripts/Q1.json,\r\n");

        var report = await backbone.Ingestor.IngestAsync(manifest, CancellationToken.None);

        Assert.Equal(1, report.Added);
        Assert.Equal(4, Assert.Single(report.Problems).Line); // the quoted line break moved Q2 to line 4
        var q1 = await backbone.Calls.GetAsync("Q1", CancellationToken.None);
        Assert.Equal("王, 丽", q1!.Call.AgentName);
        Assert.Equal("第一行\r\n第二行 \"引用\"", q1.Call.Attributes["note"]);
    }

    [Fact]
    public async Task Ingest_RefusesAManifestWithoutCallIdColumn_OrNotInUtf8()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        var noId = folder.Write("a.csv", "id,started_at\n1,2\n");
        var gbk = folder.WriteBytes("b.csv", [0x63, 0x61, 0x6C, 0x6C, 0x5F, 0x69, 0x64, 0x0A, 0xCD, 0xF5, 0x0A]); // "call_id\n王" in GBK

        Assert.Contains("no 'call_id' column", (await Assert.ThrowsAsync<ManifestFormatException>(() => backbone.Ingestor.IngestAsync(noId, CancellationToken.None))).Message);
        Assert.Contains("not UTF-8", (await Assert.ThrowsAsync<ManifestFormatException>(() => backbone.Ingestor.IngestAsync(gbk, CancellationToken.None))).Message);
        Assert.Empty(await backbone.Calls.ListAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task IngestFolder_SkipsUnchangedAndStillBeingWrittenManifests()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("F1");
        folder.Write("day1.csv", "call_id,started_at,direction,caller,agent_id,transcript\nF1,2023-11-01T09:12:03+08:00,inbound,1,A1,transcripts/F1.json\n");
        folder.Write("notes.txt", "not a manifest");

        var first = await backbone.Ingestor.IngestFolderAsync(folder.Root, onlyChanged: true, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var second = await backbone.Ingestor.IngestFolderAsync(folder.Root, onlyChanged: true, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        folder.Write("day2.csv", "call_id,started_at,direction,caller,agent_id,transcript\nF2,2023-11-02T09:12:03+08:00,inbound,1,A1,transcripts/F1.json\n");
        var tooFresh = await backbone.Ingestor.IngestFolderAsync(folder.Root, onlyChanged: true, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);

        Assert.Equal(1, Assert.Single(first).Added);
        Assert.Empty(second);
        Assert.Empty(tooFresh);
    }

    [Fact]
    public async Task Watch_IngestsAManifestThatAppearsInTheRecorderFolder()
    {
        await using var db = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        using var backbone = new Backbone(db.DataSource);
        using var folder = new TempManifestFolder();
        folder.WriteTranscript("W1");
        var reports = new List<IngestReport>();
        var watcher = new RecorderFolderWatcher(backbone.Ingestor, r => { lock (reports) reports.Add(r); })
        {
            SettleDelay = TimeSpan.FromMilliseconds(200),
            RescanInterval = TimeSpan.FromSeconds(30),
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var watching = watcher.WatchAsync(folder.Root, stop.Token);
        await Task.Delay(300);
        folder.Write("export-0001.csv", "call_id,started_at,direction,caller,agent_id,transcript\nW1,2023-11-01T09:12:03+08:00,inbound,1,A1,transcripts/W1.json\n");
        while (await backbone.Calls.GetAsync("W1", CancellationToken.None) is null)
        {
            Assert.False(stop.IsCancellationRequested, "the new manifest was never ingested");
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await watching;

        lock (reports)
            Assert.Equal(1, Assert.Single(reports, r => r.Rows > 0).Added);
    }
}
