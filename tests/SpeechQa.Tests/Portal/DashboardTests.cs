using System.Text.RegularExpressions;
using SpeechQa.Batch.Store;

namespace SpeechQa.Tests.Portal;

/// <summary>The manager's dashboard against the store it is computed from: per agent and week, score bands, region × hour, FCR and callbacks.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class DashboardTests(PortalFixture portal)
{
    [GeneratedRegex("<td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td>")]
    private static partial Regex Cell();

    private static List<List<string>> Rows(string page, string id)
    {
        var table = page[page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. table.Split("<tr>").Skip(2).Select(r => Cell().Matches(r).Select(m => m.Groups[1].Value).ToList())];
    }

    [Fact]
    public async Task The_dashboard_figures_add_up_to_the_scored_calls()
    {
        await using var store = StoreDataSource.Open(portal.Database);
        using var manager = await portal.SignedInAsync("manager");
        // The dashboard keeps its figures for a minute (Dashboard.Freshness), and the portal's workers may have scored a call
        // another test brought in since they were computed: read until the page catches up with the store, at most that minute.
        var deadline = DateTime.UtcNow + SpeechQa.QaPortal.Portal.Dashboard.Freshness + TimeSpan.FromSeconds(10);
        Dictionary<string, long> perAgent;
        string page;
        while (true)
        {
            perAgent = (await store.QueryAsync("SELECT c.agent_id, COUNT(*) FROM calls c JOIN call_judgements j ON j.call_id = c.call_id GROUP BY c.agent_id", null,
                r => (Agent: r.GetString(0), Calls: r.ReadLong(1)), CancellationToken.None)).ToDictionary(a => a.Agent, a => a.Calls);
            page = await manager.GetStringAsync("/dashboard");
            if (Rows(page, "weeks").Sum(w => long.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture)) == perAgent.Values.Sum() || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(1000);
        }
        var total = perAgent.Values.Sum();

        var agents = Rows(page, "agents");
        Assert.NotEmpty(agents);
        Assert.All(agents, a => Assert.Equal(perAgent[a[0]].ToString(System.Globalization.CultureInfo.InvariantCulture), a[1]));
        Assert.Equal(total, Rows(page, "score-bands").Sum(b => long.Parse(b[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(total, Rows(page, "weeks").Sum(w => long.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(total, Rows(page, "region-hours").Sum(r => r.Skip(1).Sum(c => long.Parse(c, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("id=\"fcr\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"callback-timeliness\"", page, StringComparison.Ordinal);
        Assert.NotEmpty(Rows(page, "fcr-weeks"));
    }
}
