using System.Net;
using SpeechQa.Batch.Store;

namespace SpeechQa.Tests.Portal;

/// <summary>Sampling plans share the period's calls out among inspectors; an inspector's "only mine" queue shows exactly theirs.</summary>
[Collection(PortalCollection.Name)]
public sealed class AssignmentTests(PortalFixture portal)
{
    [Fact]
    public async Task A_sampling_plan_assigns_every_fatal_call_once_and_the_inspector_sees_their_share()
    {
        using var manager = await portal.SignedInAsync("manager");
        var fields = new Dictionary<string, string> { ["from"] = "2024-11-01", ["to"] = "2024-11-30", ["percent"] = "100", ["scoreAtMost"] = "80", ["seed"] = "t", ["inspectors"] = "inspector" };
        var response = await PortalFixture.PostFormAsync(manager, "/assignments/sample", fields, "/assignments");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"sample-outcome\"", page, StringComparison.Ordinal);

        await using var store = StoreDataSource.Open(portal.Database);
        var fatal = await store.QueryAsync("SELECT j.call_id FROM call_judgements j JOIN calls c ON c.call_id = j.call_id WHERE j.fatal = 1 AND c.started_at LIKE '2024-11%'", null, r => r.GetString(0), CancellationToken.None);
        var assigned = await store.QueryAsync("SELECT call_id, inspector, reason FROM call_assignments", null, r => (Call: r.GetString(0), Inspector: r.GetString(1), Reason: r.GetString(2)), CancellationToken.None);
        Assert.NotEmpty(fatal);
        Assert.All(fatal, f => Assert.Contains(assigned, a => a.Call == f && a.Reason == "fatal"));
        Assert.Equal(assigned.Count, assigned.Select(a => a.Call).Distinct().Count());

        // The same plan again finds nothing new to assign.
        var again = await (await PortalFixture.PostFormAsync(manager, "/assignments/sample", fields, "/assignments")).Content.ReadAsStringAsync();
        Assert.Contains("已分配 0", again, StringComparison.Ordinal);
        Assert.Equal(assigned.Count, await store.ScalarAsync<long>("SELECT COUNT(*) FROM call_assignments", null, CancellationToken.None));

        using var inspector = await portal.SignedInAsync("inspector");
        var mine = await inspector.GetStringAsync("/queue?mine=1&limit=500");
        var listed = System.Text.RegularExpressions.Regex.Matches(mine, "href=\"/calls/([^\"]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToHashSet();
        Assert.Equal(assigned.Where(a => a.Inspector == "inspector").Select(a => a.Call).ToHashSet(), listed);
        // The header counts the inspector's assigned calls that have no review yet (other tests may have reviewed some).
        var open = await store.ScalarAsync<long>(
            "SELECT COUNT(*) FROM call_assignments a WHERE a.inspector = 'inspector' AND NOT EXISTS (SELECT 1 FROM hit_reviews h WHERE h.call_id = a.call_id)", null, CancellationToken.None);
        Assert.True(open > 0);
        Assert.Matches($"id=\"open-items\"[^>]*>[^<]*<span class=\"badge\">{open}</span>", mine);
        Assert.DoesNotContain("open-items", await manager.GetStringAsync("/assignments"), StringComparison.Ordinal); // inspectors only
        Assert.Contains("id=\"workload\"", await manager.GetStringAsync("/assignments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_without_dates_or_with_a_stranger_is_refused_with_the_reason()
    {
        using var manager = await portal.SignedInAsync("manager");
        var noDates = await PortalFixture.PostFormAsync(manager, "/assignments/sample", new Dictionary<string, string> { ["inspectors"] = "inspector" }, "/assignments");
        Assert.Equal(HttpStatusCode.BadRequest, noDates.StatusCode);
        Assert.Contains("请填写开始和结束日期", await noDates.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stranger = await PortalFixture.PostFormAsync(manager, "/assignments/sample",
            new Dictionary<string, string> { ["from"] = "2024-11-01", ["to"] = "2024-11-30", ["inspectors"] = "trainer" }, "/assignments");
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("不是质检员 not an inspector: trainer", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
