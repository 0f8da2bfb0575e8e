using System.Diagnostics;
using System.Text.Json;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// The demo data set (scripts/demo-data) through the real pipeline: a draw with another seed than the demo's is scored
/// against the generator's ground truth, and its audio is what recorders write (stereo 8 kHz A-law, measured on the audio).
/// The draw's seed (13) is neither the demo's (7) nor the demo's unseen draw (11), which scripts/demo.sh prints for anyone
/// to read: nobody tunes rules on this one. Each planted error comes in several wordings drawn by the seed.
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
    public async Task An_unseen_draw_is_flagged_without_false_alarms_and_every_chain_and_cluster_is_recovered()
    {
        using var cli = new CliSession("demo-truth");
        var data = Path.Combine(cli.Folder, "demo");
        await PythonAsync(cli.Folder, Script("generate.py"), "--out", data, "--seed", "13", "--calls", "160", "--no-audio");
        await cli.RunAsync("ingest", Path.Combine(data, "manifest.csv"));
        await cli.RunAsync("run");
        var results = Path.Combine(cli.Folder, "results.jsonl");
        await cli.RunAsync("export", "--jsonl", results);
        var summaryPath = Path.Combine(cli.Folder, "summary.json");
        await PythonAsync(cli.Folder, Script("evaluate.py"), Path.Combine(data, "truth.json"), results, "--json", summaryPath);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("fatal_planted").GetInt32() > 0);
        var rules = root.GetProperty("rules").EnumerateObject().ToList();
        foreach (var id in new[] { "F01", "F05", "N06" })   // the errors planted last are in the draw at all
            Assert.Contains(rules, r => r.Name == id && r.Value.GetProperty("planted").GetInt32() > 0);
        // Every shortfall at once (not the first one only), so a failure says per rule what was missed. Precision is held
        // per rule (a clean demo call must stay clean); recall over all planted errors, because the wordings are drawn
        // from pools the rules were never written from and a few per draw are missed (the measured figure is in the README).
        var planted = rules.Sum(r => r.Value.GetProperty("planted").GetInt32());
        var caught = rules.Sum(r => (int)Math.Round(r.Value.GetProperty("recall").GetDouble() * r.Value.GetProperty("planted").GetInt32()));
        var failures = rules
            .Where(r => r.Value.GetProperty("precision").GetDouble() < 0.9)
            .Select(r => $"{r.Name}: planted {r.Value.GetProperty("planted")}, flagged {r.Value.GetProperty("flagged")}, "
                + $"precision {r.Value.GetProperty("precision")}, recall {r.Value.GetProperty("recall")}; "
                + $"missed [{string.Join(" ", r.Value.GetProperty("missed").EnumerateArray())}], "
                + $"not planted [{string.Join(" ", r.Value.GetProperty("not_planted").EnumerateArray())}]")
            .ToList();
        if (caught < 0.85 * planted)
            failures.Add($"recall over all planted errors {caught}/{planted} < 0.85; missed: " + string.Join("; ", rules.Where(r => r.Value.GetProperty("recall").GetDouble() < 1)
                .Select(r => $"{r.Name} [{string.Join(" ", r.Value.GetProperty("missed").EnumerateArray())}]")));
        var fatalPlanted = root.GetProperty("fatal_planted").GetInt32();
        var fatalMissed = root.GetProperty("fatal_missed").GetArrayLength();
        if (fatalMissed > 0.25 * fatalPlanted)
            failures.Add($"fatal errors missed {fatalMissed}/{fatalPlanted} > 25 %: {string.Join(", ", root.GetProperty("fatal_missed").EnumerateArray())}");
        failures.AddRange(root.GetProperty("unscored").EnumerateArray().Select(c => $"not scored: {c.GetString()}"));
        foreach (var (total, found) in new[] { ("chains", "chains_linked"), ("chains", "root_causes_right"), ("clusters", "clusters_found") })
        {
            if (root.GetProperty(total).GetInt32() != root.GetProperty(found).GetInt32())
                failures.Add($"{found}: {root.GetProperty(found).GetInt32()}/{root.GetProperty(total).GetInt32()}");
        }
        Assert.True(failures.Count == 0, "against the ground truth of seed 13:\n" + string.Join("\n", failures));
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
