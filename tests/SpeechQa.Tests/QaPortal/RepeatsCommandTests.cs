using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.QaPortal;

/// <summary>
/// Repeat analysis end to end on the sample calls: `speechqa run` chains them by itself (the analyze stage asks for a
/// repeats run), the export carries the repeat field, and `speechqa repeats` prints the chain with its explanation;
/// another window only prints and leaves the stored chains alone.
/// </summary>
public sealed class RepeatsCommandTests
{
    [Fact]
    public async Task The_sample_repair_chased_after_its_deadline_is_an_R2_chain()
    {
        using var cli = new CliSession("repeats");
        await cli.RunSamplesAsync();
        var jsonl = Path.Combine(cli.Folder, "out.jsonl");
        await cli.RunAsync("export", "--jsonl", jsonl);
        var lines = File.ReadAllLines(jsonl);
        Assert.Contains(lines, l => l.Contains("\"call_id\":\"S20241106-0009\"", StringComparison.Ordinal)
            && l.Contains("\"repeat\":{\"kind\":\"chain\",\"chain_id\":\"K-S20241105-0001\",\"origin_call_id\":\"S20241105-0001\",\"position\":2,\"root_cause\":\"R2\"}", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("\"repeat\"", StringComparison.Ordinal)));

        var report = await cli.RunAsync("repeats");
        Assert.Contains("K-S20241105-0001  R2 工单超时未处理  2 通  来电人 caller 139****4762", report, StringComparison.Ordinal);
        Assert.Contains("客户说“还没人来”，首通已派单，已超过时限", report, StringComparison.Ordinal);
        Assert.Contains("回访及时率", report, StringComparison.Ordinal);
        Assert.DoesNotContain("13903124762", report, StringComparison.Ordinal);

        var narrow = await cli.RunAsync("repeats", "--window", "24h");
        Assert.Contains("链 chains: 0", narrow, StringComparison.Ordinal); // the chase came 26.6 h later
        Assert.Contains("未保存", narrow, StringComparison.Ordinal);
        await cli.RunAsync("export", "--jsonl", jsonl);
        Assert.Equal(2, File.ReadAllLines(jsonl).Count(l => l.Contains("\"repeat\"", StringComparison.Ordinal)));

        var (code, error) = await cli.TryAsync("repeats", "--window", "三天");
        Assert.Equal(2, code);
        Assert.Contains("--window '三天'", error, StringComparison.Ordinal);
    }
}
