using System.Diagnostics;
using System.Text.Json;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// The demo data set (scripts/demo-data) through the real pipeline: a draw with another seed than the demo's is scored
/// against the generator's ground truth, and its audio is what recorders write (stereo 8 kHz A-law, measured on the audio).
/// </summary>
public sealed class DemoDataSetTests
{
    private static async Task PythonAsync(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + await error);
    }

    private static string Script(string name) => Path.Combine(TestPaths.Repository, "scripts", "demo-data", name);

    [Fact]
    public async Task Every_planted_fatal_error_chain_and_cluster_is_recovered_on_an_unseen_draw()
    {
        using var cli = new CliSession("demo-truth");
        var data = Path.Combine(cli.Folder, "demo");
        await PythonAsync(cli.Folder, Script("generate.py"), "--out", data, "--seed", "11", "--calls", "160", "--no-audio");
        await cli.RunAsync("ingest", Path.Combine(data, "manifest.csv"));
        await cli.RunAsync("run");
        var results = Path.Combine(cli.Folder, "results.jsonl");
        await cli.RunAsync("export", "--jsonl", results);
        var summaryPath = Path.Combine(cli.Folder, "summary.json");
        await PythonAsync(cli.Folder, Script("evaluate.py"), Path.Combine(data, "truth.json"), results, "--json", summaryPath);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("fatal_planted").GetInt32() > 0);
        Assert.Empty(root.GetProperty("fatal_missed").EnumerateArray());
        Assert.Empty(root.GetProperty("unscored").EnumerateArray());
        Assert.Equal(root.GetProperty("chains").GetInt32(), root.GetProperty("chains_linked").GetInt32());
        Assert.Equal(root.GetProperty("chains").GetInt32(), root.GetProperty("root_causes_right").GetInt32());
        Assert.Equal(root.GetProperty("clusters").GetInt32(), root.GetProperty("clusters_found").GetInt32());
        foreach (var rule in root.GetProperty("rules").EnumerateObject())
        {
            Assert.True(rule.Value.GetProperty("recall").GetDouble() >= 0.9, $"{rule.Name} recall {rule.Value}");
            Assert.True(rule.Value.GetProperty("precision").GetDouble() >= 0.9, $"{rule.Name} precision {rule.Value}");
        }
    }

    [Fact]
    public async Task The_audio_is_stereo_8_khz_a_law_and_the_metrics_are_measured_on_it()
    {
        using var cli = new CliSession("demo-audio");
        var data = Path.Combine(cli.Folder, "demo");
        await PythonAsync(cli.Folder, Script("generate.py"), "--out", data, "--seed", "5", "--calls", "12");
        var wavs = Directory.GetFiles(Path.Combine(data, "audio"), "*.wav");
        Assert.NotEmpty(wavs);
        var header = new byte[36];
        await using (var file = File.OpenRead(wavs[0]))
            await file.ReadExactlyAsync(header);
        Assert.Equal(6, BitConverter.ToInt16(header, 20));     // WAVE_FORMAT_ALAW
        Assert.Equal(2, BitConverter.ToInt16(header, 22));     // agent left, customer right
        Assert.Equal(8000, BitConverter.ToInt32(header, 24));
        await cli.RunAsync("ingest", Path.Combine(data, "manifest.csv"));
        await cli.RunAsync("run");
        var results = Path.Combine(cli.Folder, "results.jsonl");
        await cli.RunAsync("export", "--jsonl", results);
        var lines = (await File.ReadAllLinesAsync(results)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Equal(wavs.Length, lines.Count);
        Assert.All(lines, l => Assert.Equal("scored", l.RootElement.GetProperty("status").GetString()));
        Assert.All(lines, l => Assert.Equal("audio", l.RootElement.GetProperty("metrics").GetProperty("measured_on").GetString()));
        lines.ForEach(l => l.Dispose());
    }
}
