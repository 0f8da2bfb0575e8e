using System.Text.Json;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Tests.Transcriber.Asr;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// With a ggml Whisper model configured, calls that have only a recording are transcribed per channel by the
/// pipeline and scored; a model whisper.cpp would die on (f32) or a damaged one fails those calls with the
/// reason while the worker process carries on.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class WhisperPipelineTests(GgmlTestModels models) : IClassFixture<GgmlTestModels>
{
    private static async Task<(int ExitCode, string Output, Dictionary<string, JsonElement> Results, string Root)> RunAsync(TempManifestFolder folder, string model)
    {
        folder.WriteBytes("audio/W1.wav", TestWav.Stereo(8000, 4, [(0.3, 1.5)], [(1.8, 3.2)]));
        folder.WriteBytes("audio/W2.wav", TestWav.Stereo(16000, 3, [(0.2, 1.2)], [(1.5, 2.6)]));
        var manifest = folder.Write("m.csv", "call_id,started_at,direction,caller,agent_id,audio,channels\n"
            + "W1,2023-11-01T09:12:03+08:00,inbound,1,A1,audio/W1.wav,agent-left\n"
            + "W2,2023-11-01T09:20:00+08:00,inbound,2,A1,audio/W2.wav,agent-right\n");
        var db = Path.Combine(folder.Root, "qa.db");
        var cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");
        var environment = new Dictionary<string, string> { ["SPEECHQA_WHISPER_MODEL"] = model, ["SPEECHQA_WHISPER_BEAM"] = "1", ["SPEECHQA_WHISPER_THREADS"] = "1" };

        await ChildProcess.RunAsync(cli, ["ingest", manifest, "--db", db], folder.Root);
        var run = await ChildProcess.RunAsync(cli, ["run", "--db", db], folder.Root, TimeSpan.FromMinutes(3), environment);
        var export = await ChildProcess.RunAsync(cli, ["export", "--db", db, "--jsonl", "r.jsonl", "--transcripts", "t"], folder.Root);
        Assert.True(export.ExitCode == 0, export.Output);
        var results = File.ReadAllLines(Path.Combine(folder.Root, "r.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("call_id").GetString()!);
        return (run.ExitCode, run.Output, results, folder.Root);
    }

    [Fact]
    public async Task Run_transcribes_audio_only_calls_per_channel_and_scores_them()
    {
        using var folder = new TempManifestFolder();
        var (exitCode, output, results, root) = await RunAsync(folder, models.F16);

        Assert.True(exitCode == 0, output);
        foreach (var (id, duration, agentSpeaks) in new[] { ("W1", 4.0, (0.3, 1.5)), ("W2", 3.0, (1.5, 2.6)) })
        {
            Assert.Equal("scored", results[id].GetProperty("status").GetString());
            using var transcript = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "t", id + ".json")));
            Assert.Equal("ggml-test-f16.bin@whisper.cpp (Whisper.net 1.9.1)", transcript.RootElement.GetProperty("source").GetString());
            var segments = transcript.RootElement.GetProperty("segments").EnumerateArray().ToList();
            Assert.Equal(["agent", "customer"], segments.Select(s => s.GetProperty("speaker").GetString()).Distinct().Order());
            Assert.All(segments, s => Assert.InRange(s.GetProperty("start").GetDouble(), 0, s.GetProperty("end").GetDouble()));
            Assert.All(segments, s => Assert.InRange(s.GetProperty("end").GetDouble(), 0, duration));
            // agent-right in W2: the agent's text comes from the right channel, where the agent speaks.
            Assert.All(segments.Where(s => s.GetProperty("speaker").GetString() == "agent"),
                s => Assert.InRange(s.GetProperty("start").GetDouble(), agentSpeaks.Item1 - 0.35, agentSpeaks.Item2 + 0.35));
        }
    }

    [Theory]
    [InlineData("f32", "f32 weights: whisper.cpp aborts the whole process")]
    [InlineData("truncated", "the file is truncated")]
    public async Task A_model_whisper_cpp_cannot_use_is_refused_at_start_with_the_reason_not_a_crash(string kind, string reason)
    {
        using var folder = new TempManifestFolder();
        var (exitCode, output, results, _) = await RunAsync(folder, kind == "f32" ? models.F32 : models.Truncated);

        Assert.Equal(2, exitCode); // the preflight's refusal; 134 (SIGABRT) is what an f32 file does to whisper.cpp unchecked
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain("GGML_ASSERT(", output, StringComparison.Ordinal);
        Assert.All(results.Values, r => Assert.Equal("queued", r.GetProperty("status").GetString()));
    }
}
