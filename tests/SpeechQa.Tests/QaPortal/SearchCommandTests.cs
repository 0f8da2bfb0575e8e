using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// The index stage end to end: the sample calls run through the pipeline land in the embedded index, and
/// `speechqa search` finds what was said with speaker, time and rule filters; `index rebuild` re-writes them all.
/// </summary>
public sealed class SearchCommandTests
{
    private static readonly string Cli = ChildProcess.OutputOf("src/QaPortal", "speechqa.dll");

    [Fact]
    public async Task Scored_sample_calls_are_searchable_from_the_command_line()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-search-").FullName;
        try
        {
            var db = Path.Combine(folder, "qa.db");
            var environment = new Dictionary<string, string>
            {
                ["SPEECHQA_RULES"] = Path.Combine(TestPaths.Repository, "rules"), ["SPEECHQA_MODELS"] = Path.Combine(TestPaths.Repository, "models"),
            };
            async Task<string> Run(params string[] args)
            {
                var (code, output) = await ChildProcess.RunAsync(Cli, [.. args, "--db", db], folder, environment: environment);
                Assert.True(code == 0, output);
                return output;
            }
            await Run("ingest", Path.Combine(TestPaths.Repository, "samples/hotline-sample/manifest.csv"));
            await Run("run");

            // 这不归我们管 is cut 这不归/我们/管 by jieba: the default (character) match still finds it, whole words do not.
            var shirking = await Run("search", "不归我们管", "--speaker", "agent");
            Assert.Contains("共 1 通", shirking, StringComparison.Ordinal);
            Assert.Contains("S20241106-0007", shirking, StringComparison.Ordinal);
            Assert.Contains("这【不归我们管】", shirking, StringComparison.Ordinal);
            Assert.Contains("共 0 通", await Run("search", "不归我们管", "--speaker", "customer"), StringComparison.Ordinal);

            var lastMinute = await Run("search", "感谢", "--speaker", "agent", "--last", "30", "--rule", "N04");
            Assert.Contains("S20241105-0005", lastMinute, StringComparison.Ordinal);
            Assert.Contains("共 1 通", lastMinute, StringComparison.Ordinal);

            var fatal = await Run("search", "--severity", "fatal", "--sort", "score", "--limit", "2");
            Assert.Contains("下一页 next page: --after ", fatal, StringComparison.Ordinal);
            var cursor = fatal.Split("--after ")[1].Trim();
            var next = await Run("search", "--severity", "fatal", "--sort", "score", "--limit", "2", "--after", cursor);
            Assert.DoesNotContain(fatal.Split('\n')[1].Split(' ')[0], next, StringComparison.Ordinal);

            Assert.Contains("indexed 14 scored calls", await Run("index", "rebuild", "--clear"), StringComparison.Ordinal);
            Assert.Contains("共 14 通", await Run("search"), StringComparison.Ordinal);

            var (code, error) = await ChildProcess.RunAsync(Cli, ["search", "x", "--after", "%%%", "--db", db], folder, environment: environment);
            Assert.Equal(2, code);
            Assert.Contains("invalid paging cursor", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
