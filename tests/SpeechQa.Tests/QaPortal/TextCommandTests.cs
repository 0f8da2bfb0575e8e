using System.Diagnostics;
using System.Text;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>`speechqa text segment|keywords` as a filter: one output line per input line, nothing dropped.</summary>
public sealed class TextCommandTests
{
    private static readonly string Cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string input, params string[] args) =>
        RunInAsync(TestPaths.Repository, null, input, args);

    /// <param name="rules">SPEECHQA_RULES for the child: null leaves it unset (the install's rules are found), else this folder.</param>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string workingDirectory, string? rules, string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory, StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        info.Environment.Remove("SPEECHQA_RULES");
        if (rules is not null)
            info.Environment["SPEECHQA_RULES"] = rules;
        info.ArgumentList.Add(Cli);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Segment_keeps_lines_and_characters_and_uses_the_hotline_dictionary()
    {
        const string input = "您好，请问您的户号是多少？\r\n\n我家水表冻裂了😡 iPhone15\n";
        var (exit, stdout, stderr) = await RunAsync(input, "text", "segment");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal(4, lines.Length); // three lines and the final newline
        Assert.Equal("您好 ， 请问 您 的 户号 是 多少 ？\r", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Contains("水表 冻裂", lines[2]);
        Assert.Equal("我家 水表 冻裂 了 😡   iPhone15", lines[2]); // the space between is a token of its own
    }

    [Fact]
    public async Task Segment_run_from_another_folder_finds_the_installs_hotline_dictionary()
    {
        var elsewhere = Directory.CreateTempSubdirectory("speechqa-elsewhere-").FullName;
        try
        {
            var (exit, stdout, stderr) = await RunInAsync(elsewhere, null, "水表坏了\n", "text", "segment");
            Assert.True(exit == 0, stderr);
            Assert.StartsWith("水表 ", stdout, StringComparison.Ordinal); // plain jieba cuts 水/表坏/了

            // A rules folder that is named but lacks the dictionary is an error that names the file, not a quiet plain cut.
            var (failed, _, error) = await RunInAsync(elsewhere, elsewhere, "水表坏了\n", "text", "segment");
            Assert.Equal(2, failed);
            Assert.Contains(Path.Combine(elsewhere, "dict", "hotline.txt"), error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Segment_without_the_domain_dictionary_and_hmm_is_plain_jieba()
    {
        var (exit, stdout, stderr) = await RunAsync("他来到了网易杭研大厦\n您的户号\n", "text", "segment", "--no-domain-dict", "--no-hmm");
        Assert.True(exit == 0, stderr);
        Assert.Equal("他 来到 了 网易 杭 研 大厦\n您 的 户 号\n", stdout);
    }

    [Fact]
    public async Task Search_mode_adds_the_grams()
    {
        var (exit, stdout, stderr) = await RunAsync("中国科学院计算所\n", "text", "segment", "--mode", "search", "--no-domain-dict");
        Assert.True(exit == 0, stderr);
        Assert.Equal("中国 科学 学院 科学院 中国科学院 计算 计算所\n", stdout);
    }

    [Fact]
    public async Task Keywords_print_the_top_words_per_line()
    {
        var (exit, stdout, stderr) = await RunAsync("我家水表冻裂了，停水两天，水表井里全是水\n", "text", "keywords", "--top", "2");
        Assert.True(exit == 0, stderr);
        Assert.Equal(2, stdout.Trim().Split(' ').Length);
        Assert.Contains("水表", stdout);
    }

    [Fact]
    public async Task A_missing_user_dictionary_is_a_clear_error()
    {
        var (exit, _, stderr) = await RunAsync("水表\n", "text", "segment", "--dict", "/nonexistent/words.txt");
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/words.txt", stderr);
    }

    [Fact]
    public async Task A_bad_mode_is_a_usage_error()
    {
        var (exit, _, stderr) = await RunAsync("水表\n", "text", "segment", "--mode", "fast");
        Assert.Equal(2, exit);
        Assert.Contains("fast", stderr);
    }
}
