using System.Text.RegularExpressions;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// Settings are SPEECHQA_* environment variables bound to options classes and checked at start: a wrong value stops
/// `speechqa` and `speechqa serve` before anything runs, naming the variable; `serve --help` lists every setting the
/// product reads.
/// </summary>
public sealed partial class SettingsTests
{
    private static readonly string Cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");

    [Fact]
    public async Task Wrong_settings_stop_the_command_and_the_portal_at_start_naming_each_variable()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-settings-");
        var bad = new Dictionary<string, string>
        {
            ["SPEECHQA_INDEX"] = "maybe", ["SPEECHQA_TIMEZONE"] = "Mars/Base", ["SPEECHQA_WHISPER_BEAM"] = "0",
            ["SPEECHQA_ES_URL"] = "ftp://cluster", ["SPEECHQA_WHISPER_THREADS"] = "100",
        };
        foreach (var args in new[] { new[] { "status" }, ["serve", "--urls", "http://127.0.0.1:0"] })
        {
            var (code, output) = await ChildProcess.RunAsync(Cli, [.. args, "--db", Path.Combine(folder.FullName, "qa.db")], folder.FullName, TimeSpan.FromMinutes(1), bad);
            Assert.True(code == 2, output);
            foreach (var variable in bad.Keys)
                Assert.Contains(variable, output, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        }
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Serve_help_lists_every_setting_the_product_reads()
    {
        var (code, help) = await ChildProcess.RunAsync(Cli, ["serve", "--help"]);
        Assert.Equal(0, code);
        var read = Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Variable().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "src"), "*.cs", SearchOption.AllDirectories)
                .SelectMany(f => KeyName().Matches(File.ReadAllText(f)).Select(m => "SPEECHQA_" + m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(read.Count >= 15, string.Join(", ", read));
        Assert.All(read, v => Assert.Contains(v, help, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"SPEECHQA_[A-Z_]+[A-Z]")]
    private static partial Regex Variable();

    [GeneratedRegex(@"ConfigurationKeyName\(""([A-Z_]+)""\)")]
    private static partial Regex KeyName();
}
