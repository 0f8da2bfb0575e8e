using System.Text.Json.Nodes;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Tests.Search.FakeElasticsearch;

namespace SpeechQa.Tests.Search;

/// <summary>
/// The real `speechqa` with SPEECHQA_ES_URL set: the pipeline's index stage, `search` (a page and --all) and
/// `index rebuild` go through the official client to the fake server; a document the cluster refuses is named by its
/// call while the others are indexed.
/// </summary>
public sealed class ElasticsearchCommandTests
{
    [Fact]
    public async Task Pipeline_search_and_rebuild_use_the_cluster_and_a_refused_call_is_named()
    {
        using var server = new FakeElasticsearchServer();
        using var cli = new CliSession("es");
        cli.Environment["SPEECHQA_ES_URL"] = server.Url.ToString();
        cli.Environment["SPEECHQA_ES_PREFIX"] = "cli-";
        await cli.RunSamplesAsync();
        Assert.Equal(14, server.Cluster.Indices["cli-calls"].Documents.Count);

        var shirking = await cli.RunAsync("search", "不归我们管", "--speaker", "agent");
        Assert.Contains($"共 1 通 calls match (Elasticsearch {server.Url}", shirking, StringComparison.Ordinal);
        Assert.Contains("这【不归我们管】", shirking, StringComparison.Ordinal);
        var everything = await cli.RunAsync("search", "--all", "--sort", "oldest");
        Assert.Contains("共 14 通", everything, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Path == "/cli-calls/_pit");

        // An index left by an older template that did not know "repeat": calls in a repeat chain are refused.
        var mappings = JsonNode.Parse(server.Requests.First(r => r.Path == "/_index_template/cli-calls-template").Body)!["template"]!["mappings"]!.DeepClone();
        mappings["properties"]!.AsObject().Remove("repeat");
        server.Cluster.DeleteIndex("cli-calls");
        server.Cluster.CreateIndex("cli-calls", new JsonObject { ["mappings"] = mappings });
        var (code, output) = await cli.TryAsync("index", "rebuild");
        Assert.Equal(1, code);
        var indexed = server.Cluster.Indices["cli-calls"].Documents.Keys.ToHashSet();
        var refused = output.Split('\n').Where(l => l.Contains(": 400 strict_dynamic_mapping_exception", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(':')[0]).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal(14, indexed.Count + refused.Count);
        Assert.Contains($"indexed {indexed.Count} scored calls", output, StringComparison.Ordinal);
        Assert.Contains("dynamic introduction of [repeat]", output, StringComparison.Ordinal);
        Assert.All(refused, id => Assert.DoesNotContain(id, indexed));
    }
}
