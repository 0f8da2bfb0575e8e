using System.Text.Json;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// The main job on the sample calls with the shipped rules: every error planted in samples/hotline-sample (its
/// README table) is found, the clean calls score 100, and the export carries score, fatal, ruleset and hits.
/// </summary>
public sealed class SampleScoringTests
{
    private static readonly string Cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");

    private static readonly Dictionary<string, string[]> Planted = new()
    {
        ["S20241105-0001"] = ["N12"],
        ["S20241105-0002"] = [],
        ["S20241105-0003"] = ["F03"],
        ["S20241105-0004"] = ["N01", "N08"],
        ["S20241105-0005"] = ["N04"],
        ["S20241105-0006"] = ["F02", "F07", "N02", "N05", "N07", "N09", "N11", "N12"],
        ["S20241106-0007"] = ["F04", "N02", "N09", "N12"],
        ["S20241106-0008"] = [],
        ["S20241106-0009"] = [],
        ["S20241106-0010"] = ["N06"],
        ["S20241107-0011"] = [],
        ["S20241107-0012"] = [],
        ["S20241107-0013"] = [],
        ["S20241108-0014"] = ["N10"],
    };

    /// <summary>Primary categories from the sample README (what the category classifier should say).</summary>
    private static readonly Dictionary<string, string> Categories = new()
    {
        ["S20241105-0001"] = "C06", ["S20241105-0002"] = "C01", ["S20241105-0003"] = "C01", ["S20241105-0004"] = "C03",
        ["S20241105-0005"] = "C03", ["S20241105-0006"] = "C07", ["S20241106-0007"] = "C04", ["S20241106-0008"] = "C06",
        ["S20241106-0009"] = "C10", ["S20241106-0010"] = "C11", ["S20241107-0011"] = "C12", ["S20241108-0014"] = "C05",
    };

    [Fact]
    public async Task Every_planted_error_is_found_and_nothing_else()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-sample-").FullName;
        var db = Path.Combine(folder, "qa.db");
        var rightCategories = 0;
        var manifest = Path.Combine(TestPaths.Repository, "samples/hotline-sample/manifest.csv");
        Assert.Equal(0, (await ChildProcess.RunAsync(Cli, ["ingest", manifest, "--db", db], folder)).ExitCode);
        var run = await ChildProcess.RunAsync(Cli, ["run", "--db", db], folder);
        Assert.True(run.ExitCode == 0, run.Output);
        var output = Path.Combine(folder, "results.jsonl");
        Assert.Equal(0, (await ChildProcess.RunAsync(Cli, ["export", "--db", db, "--jsonl", output], folder)).ExitCode);

        foreach (var line in File.ReadLines(output))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.GetProperty("call_id").GetString()!;
            var hits = root.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("rule").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
            Assert.True(Planted[id].SequenceEqual(hits), $"{id}: planted {string.Join(' ', Planted[id])}, found {string.Join(' ', hits)}");
            Assert.Equal("water-hotline@3", root.GetProperty("ruleset").GetString());
            Assert.Equal(hits.Any(h => h.StartsWith('F')), root.GetProperty("fatal").GetBoolean());
            if (hits.Length == 0)
                Assert.Equal(100, root.GetProperty("score").GetInt32());
            foreach (var hit in root.GetProperty("hits").EnumerateArray())
                Assert.False(string.IsNullOrEmpty(hit.GetProperty("evidence").GetString()));
            // The category classifier ran (shipped models/category.onnx through ONNX Runtime): best first, probabilities.
            var category = root.GetProperty("category").GetString()!;
            var ranked = root.GetProperty("categories").EnumerateArray().Select(c => (Id: c.GetProperty("id").GetString(), P: c.GetProperty("p").GetDouble())).ToList();
            Assert.Equal(category, ranked[0].Id);
            Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.P >= p.Second.P) && ranked.Sum(c => c.P) <= 1.0001);
            if (Categories.TryGetValue(id, out var expected) && expected == category)
                rightCategories++;
        }
        Assert.True(rightCategories >= 9, $"the category classifier got {rightCategories} of {Categories.Count} sample calls right");
        Directory.Delete(folder, recursive: true);
    }
}
