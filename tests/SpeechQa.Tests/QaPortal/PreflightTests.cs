using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// `run`, `worker` and `serve` check their configuration before any job runs and refuse with one clear message and
/// exit code 2; the queued calls stay queued (nothing was attempted, nothing failed).
/// </summary>
public sealed class PreflightTests
{
    private static async Task<(int ExitCode, string Output, string Status)> RunWithAsync(string command, Dictionary<string, string> environment, Action<TempManifestFolder>? prepare = null)
    {
        using var folder = new TempManifestFolder();
        prepare?.Invoke(folder);
        var manifest = folder.Write("m.csv", "call_id,started_at,direction,caller,agent_id,transcript\n"
            + "P1,2023-11-01T09:12:03+08:00,inbound,1,A1,t/P1.json\n");
        folder.Write("t/P1.json", """{"call_id":"P1","language":"zh","source":"imported","segments":[{"speaker":"agent","start":0,"end":2,"text":"您好，供水热线"}]}""");
        var db = Path.Combine(folder.Root, "qa.db");
        var cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");
        await ChildProcess.RunAsync(cli, ["ingest", manifest, "--db", db], folder.Root);
        string[] args = command == "serve" ? ["serve", "--db", db, "--urls", "http://127.0.0.1:0"] : [command, "--db", db];
        var (exitCode, output) = await ChildProcess.RunAsync(cli, args, folder.Root, TimeSpan.FromMinutes(1), environment);
        var status = await ChildProcess.RunAsync(cli, ["status", "--db", db], folder.Root);
        return (exitCode, output, status.Output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("worker")]
    [InlineData("serve")]
    public async Task Missing_jieba_data_is_refused_at_start_with_exit_code_2(string command)
    {
        var (exitCode, output, status) = await RunWithAsync(command, new() { ["SPEECHQA_JIEBA_DIR"] = "/nonexistent/jieba" });

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration problems, nothing was started", output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/jieba/dict.txt not found", output, StringComparison.Ordinal);
        Assert.Contains("queued       1", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_rules_models_and_speech_model()
    {
        var (exitCode, output, status) = await RunWithAsync("run", new()
        {
            ["SPEECHQA_RULES"] = "/nonexistent/rules",
            ["SPEECHQA_MODELS"] = "/nonexistent/models",
            ["SPEECHQA_WHISPER_MODEL"] = "/nonexistent/ggml-small.bin",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("no rule sets: /nonexistent/rules/rulesets does not exist (set SPEECHQA_RULES", output, StringComparison.Ordinal);
        Assert.Contains("no classifier models in /nonexistent/models", output, StringComparison.Ordinal);
        Assert.Contains("the Whisper model /nonexistent/ggml-small.bin cannot be used: 文件不存在 / the file does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.Contains("queued       1", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_rule_file_names_its_file_and_line()
    {
        var rules = Directory.CreateTempSubdirectory("speechqa-rules-").FullName;
        try
        {
            CopyFolder(Path.Combine(TestPaths.Repository, "rules"), rules);
            var ruleSet = Directory.GetFiles(Path.Combine(rules, "rulesets"), "*.yaml", SearchOption.AllDirectories).First();
            File.AppendAllText(ruleSet, "\n  - id: [broken\n");

            var (exitCode, output, _) = await RunWithAsync("run", new() { ["SPEECHQA_RULES"] = rules });

            Assert.Equal(2, exitCode);
            Assert.Contains(Path.GetFileName(ruleSet), output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }
    }

    [Fact]
    public async Task Models_can_be_switched_off_explicitly_and_the_run_goes_ahead()
    {
        var (exitCode, output, status) = await RunWithAsync("run", new() { ["SPEECHQA_MODELS"] = "" });

        Assert.True(exitCode == 0, output);
        Assert.Contains("scored       1", status, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
