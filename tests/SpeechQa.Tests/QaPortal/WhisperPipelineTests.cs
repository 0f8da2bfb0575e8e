using System.Text.Json;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Tests.Transcriber.Asr;

namespace SpeechQa.Tests.QaPortal;

/// <summary>With a Whisper model configured, a call that has only a recording is transcribed by the pipeline.</summary>
public sealed class WhisperPipelineTests(TinyWhisper tiny) : IClassFixture<TinyWhisper>
{
    [Fact]
    public async Task Run_TranscribesAudioOnlyCalls_PerChannel_WhenAModelIsConfigured()
    {
        using var folder = new TempManifestFolder();
        folder.WriteBytes("audio/W1.wav", TestWav.Stereo(8000, 3, [(0.3, 1.5)], [(1.8, 2.7)]));
        var manifest = folder.Write("m.csv", "call_id,started_at,direction,caller,agent_id,audio,channels\nW1,2023-11-01T09:12:03+08:00,inbound,1,A1,audio/W1.wav,agent-left\n");
        var db = Path.Combine(folder.Root, "qa.db");
        var cli = ChildProcess.OutputOf("src/QaPortal", "speechqa.dll");
        var environment = new Dictionary<string, string> { ["SPEECHQA_WHISPER_MODEL"] = tiny.Folder.Path, ["SPEECHQA_WHISPER_BEAM"] = "1" };

        await ChildProcess.RunAsync(cli, ["ingest", manifest, "--db", db], folder.Root);
        var run = await ChildProcess.RunAsync(cli, ["run", "--db", db], folder.Root, TimeSpan.FromMinutes(3), environment);
        var export = await ChildProcess.RunAsync(cli, ["export", "--db", db, "--jsonl", "r.jsonl", "--transcripts", "t"], folder.Root);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(0, export.ExitCode);
        using var result = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder.Root, "r.jsonl")).Single());
        Assert.Equal("scored", result.RootElement.GetProperty("status").GetString());
        using var transcript = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Root, "t", "W1.json")));
        Assert.Equal("tiny-random-whisper@onnx", transcript.RootElement.GetProperty("source").GetString());
        var speakers = transcript.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("speaker").GetString()).Distinct().ToList();
        Assert.NotEmpty(speakers);
        Assert.All(speakers, s => Assert.True(s is "agent" or "customer", s));
    }
}
