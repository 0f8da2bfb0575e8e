using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// The index stage end to end: the sample calls run through the pipeline land in the embedded index, and
/// `speechqa search` finds what was said with speaker, time and rule filters; `index rebuild` re-writes them all.
/// </summary>
public sealed class SearchCommandTests
{
    [Fact]
    public async Task Scored_sample_calls_are_searchable_from_the_command_line()
    {
        using var cli = new CliSession("search");
        await cli.RunSamplesAsync();

        // 这不归我们管 is cut 这不归/我们/管 by jieba: the default (character) match still finds it, whole words do not.
        var shirking = await cli.RunAsync("search", "不归我们管", "--speaker", "agent");
        Assert.Contains("共 1 通", shirking, StringComparison.Ordinal);
        Assert.Contains("S20241106-0007", shirking, StringComparison.Ordinal);
        Assert.Contains("这【不归我们管】", shirking, StringComparison.Ordinal);
        Assert.Contains("共 0 通", await cli.RunAsync("search", "不归我们管", "--speaker", "customer"), StringComparison.Ordinal);

        var lastMinute = await cli.RunAsync("search", "感谢", "--speaker", "agent", "--last", "30", "--rule", "N04");
        Assert.Contains("S20241105-0005", lastMinute, StringComparison.Ordinal);
        Assert.Contains("共 1 通", lastMinute, StringComparison.Ordinal);

        var fatal = await cli.RunAsync("search", "--severity", "fatal", "--sort", "score", "--limit", "2");
        Assert.Contains("下一页 next page: --after ", fatal, StringComparison.Ordinal);
        var cursor = fatal.Split("--after ")[1].Trim();
        var next = await cli.RunAsync("search", "--severity", "fatal", "--sort", "score", "--limit", "2", "--after", cursor);
        Assert.DoesNotContain(fatal.Split('\n')[1].Split(' ')[0], next, StringComparison.Ordinal);

        var rebuild = await cli.RunAsync("index", "rebuild", "--clear");
        Assert.Contains("indexed 14 scored calls", rebuild, StringComparison.Ordinal);
        Assert.Contains("进度 progress: 14/14 已索引 indexed", rebuild, StringComparison.Ordinal); // output to a log: plain progress lines
        Assert.Contains("共 14 通", await cli.RunAsync("search"), StringComparison.Ordinal);

        var (code, error) = await cli.TryAsync("search", "x", "--after", "%%%");
        Assert.Equal(2, code);
        Assert.Contains("invalid paging cursor", error, StringComparison.Ordinal);
    }
}
