using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal.RuleSets;

namespace SpeechQa.Tests.Portal;

/// <summary>The admin's rule editor on the portal's own copy of the rules: errors in place, backtest, publish, rollback.</summary>
[Collection(PortalCollection.Name)]
public sealed class RuleEditorTests(PortalFixture portal)
{
    private const string Shared = "shared/service-rules.yaml";

    private string SharedPath => Path.Combine(portal.RulesFolder, "rulesets", "shared", "service-rules.yaml");

    private CallScoring Scoring => portal.Services.GetRequiredService<CallScoring>();

    [Fact]
    public async Task A_broken_edit_shows_the_error_under_its_line_and_changes_nothing()
    {
        using var admin = await portal.SignedInAsync("admin");
        var original = await File.ReadAllTextAsync(SharedPath);
        var lines = original.Split('\n');
        var n01 = Array.FindIndex(lines, l => l.Contains("id: N01", StringComparison.Ordinal));
        var severity = Array.FindIndex(lines, n01, l => l.Contains("severity:", StringComparison.Ordinal));
        lines[severity] = "    severity: sometimes";
        var response = await PortalFixture.PostFormAsync(admin, "/admin/rules/publish",
            new Dictionary<string, string> { ["file"] = Shared, ["yaml"] = string.Join('\n', lines), ["note"] = "坏的修改" }, "/admin/rules/edit?file=" + Uri.EscapeDataString(Shared));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"check-errors\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-line=\"{severity + 1}\"", page, StringComparison.Ordinal);
        Assert.Contains($"第 {severity + 1} 行", page, StringComparison.Ordinal);
        Assert.Contains("sometimes", page, StringComparison.Ordinal); // the listing shows the faulty line
        Assert.Equal(original, await File.ReadAllTextAsync(SharedPath));
        Assert.Equal(5, Scoring.Judge!.Catalog.Find("water-hotline")!.Rules.Single(r => r.Id == "N01").Points);
    }

    [Fact]
    public async Task A_backtest_shows_the_change_per_rule_without_saving_anything()
    {
        using var admin = await portal.SignedInAsync("admin");
        var original = await File.ReadAllTextAsync(SharedPath);
        // N01 fires on every inbound call: more hits than now, lower scores.
        var candidate = original.Replace("when: 'inbound && !(hello && identity && offer)'", "when: 'inbound'", StringComparison.Ordinal);
        Assert.NotEqual(original, candidate);
        var response = await PortalFixture.PostFormAsync(admin, "/admin/rules/check",
            new Dictionary<string, string> { ["file"] = Shared, ["yaml"] = candidate, ["backtest"] = "1", ["limit"] = "500" }, "/admin/rules/edit?file=" + Uri.EscapeDataString(Shared));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"check-ok\"", page, StringComparison.Ordinal);
        var table = page[page.IndexOf("id=\"backtest-rules\"", StringComparison.Ordinal)..];
        var row = table[table.IndexOf("<td>N01</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var cells = row.Split("<td>").Skip(1).Select(c => c[..c.IndexOf("</td>", StringComparison.Ordinal)]).ToList();
        Assert.True(int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), row);
        Assert.Contains("id=\"backtest-calls\"", page, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllTextAsync(SharedPath));
    }

    [Fact]
    public async Task Publishing_makes_a_new_release_in_force_and_a_rollback_restores_the_earlier_text()
    {
        using var admin = await portal.SignedInAsync("admin");
        var editor = "/admin/rules/edit?file=" + Uri.EscapeDataString(Shared);
        var before = await File.ReadAllTextAsync(SharedPath);
        var history = await admin.GetStringAsync(editor); // records the folder as the baseline release
        var baseline = Scoring.Judge!.Catalog.All.Max(s => s.Version);
        Assert.Contains(RuleSetPublisher.BaselineAuthor, history, StringComparison.Ordinal);

        var edited = before.Replace("  - id: N01\n    name: 未使用标准开场白\n    description: 呼入通话中，坐席前 15 秒内没有完整开场白：您好 + 热线/工号 + 请问…帮您（回访等呼出通话另有话术）。\n    severity: non-fatal\n    points: 5",
            "  - id: N01\n    name: 未使用标准开场白\n    description: 呼入通话中，坐席前 15 秒内没有完整开场白：您好 + 热线/工号 + 请问…帮您（回访等呼出通话另有话术）。\n    severity: non-fatal\n    points: 6", StringComparison.Ordinal);
        Assert.NotEqual(before, edited);
        var published = await PortalFixture.PostFormAsync(admin, "/admin/rules/publish",
            new Dictionary<string, string> { ["file"] = Shared, ["yaml"] = edited, ["note"] = "开场白扣分调整" }, editor);
        var page = await published.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var release = baseline + 1;
        Assert.Contains($"v{release}", page, StringComparison.Ordinal);
        Assert.Contains("开场白扣分调整", page, StringComparison.Ordinal);
        var water = Scoring.Judge!.Catalog.Find("water-hotline")!;
        Assert.Equal(release, water.Version);
        Assert.Equal(6, water.Rules.Single(r => r.Id == "N01").Points);
        Assert.Contains($"version: {release}", await File.ReadAllTextAsync(Path.Combine(portal.RulesFolder, "rulesets", "water-hotline.yaml")), StringComparison.Ordinal);
        Assert.Contains("points: 6", await File.ReadAllTextAsync(SharedPath), StringComparison.Ordinal);

        var rolledBack = await PortalFixture.PostFormAsync(admin, "/admin/rules/rollback",
            new Dictionary<string, string> { ["file"] = Shared, ["version"] = baseline.ToString(System.Globalization.CultureInfo.InvariantCulture) }, editor);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Contains($"回滚到 v{baseline}", await rolledBack.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        water = Scoring.Judge!.Catalog.Find("water-hotline")!;
        Assert.Equal(release + 1, water.Version);
        Assert.Equal(5, water.Rules.Single(r => r.Id == "N01").Points);
        Assert.Equal(before, await File.ReadAllTextAsync(SharedPath)); // the shared file has no version line: back to the very text
        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("publish-rules", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ruleset: a\nversion: 2\nname: x\n", 7, "ruleset: a\nversion: 7\nname: x\n")]
    [InlineData("ruleset: a\nname: x\n", 3, "ruleset: a\nversion: 3\nname: x\n")]
    [InlineData("ruleset: a\nversion: 2 # bump\nrules:\n  - version: 1\n", 4, "ruleset: a\nversion: 4 # bump\nrules:\n  - version: 1\n")]
    public void The_release_number_replaces_only_the_top_level_version(string yaml, int version, string expected) =>
        Assert.Equal(expected, RuleSetPublisher.WithVersion(yaml, version));
}
