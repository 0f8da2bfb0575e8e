using SpeechQa.Scoring.Repeats;
using static SpeechQa.Tests.Scoring.Repeats.RepeatTestKit;

namespace SpeechQa.Tests.Scoring.Repeats;

public sealed class RepeatChainerTests
{
    private static string Chains(IEnumerable<CallContact> calls, RepeatPolicy? policy = null) =>
        Describe(RepeatChainer.Chain(calls, policy ?? Policy).Where(c => c.Count > 1));

    [Fact]
    public void Same_number_and_related_category_within_the_window_is_one_chain()
    {
        var calls = new[]
        {
            Call("A", 0, "13900000001", "C03", "家里没水了"),
            Call("B", 20, "139-0000-0001", "C04", "水压还是很小"),       // same number written differently, related category
            Call("C", 20 + 71, "+8613900000001", "C03", "还是没水"),     // 71 h after the previous call: still inside 72 h
        };
        Assert.Equal("A,B,C", Chains(calls));
    }

    [Fact]
    public void A_gap_longer_than_the_window_starts_a_new_chain_and_the_window_can_be_chosen()
    {
        var calls = new[] { Call("A", 0, "13900000002", "C06"), Call("B", 30, "13900000002", "C06"), Call("C", 30 + 100, "13900000002", "C06") };
        Assert.Equal("A,B", Chains(calls));
        Assert.Equal("", Chains(calls, Policy.WithWindow(TimeSpan.FromHours(24))));
        Assert.Equal("A,B,C", Chains(calls, Policy.WithWindow(TimeSpan.FromDays(7))));
    }

    [Fact]
    public void Billing_calls_use_their_group_window_of_seven_days()
    {
        var calls = new[] { Call("A", 0, "13900000003", "C01", "水费怎么这么多"), Call("B", 5 * 24, "13900000003", "C07", "抄表是不是估的") };
        Assert.Equal("A,B", Chains(calls));
        var repair = new[] { Call("X", 0, "13900000004", "C06"), Call("Y", 5 * 24, "13900000004", "C06") };
        Assert.Equal("", Chains(repair));
    }

    [Fact]
    public void An_unrelated_need_or_a_new_issue_from_the_same_number_stays_separate()
    {
        var calls = new[]
        {
            Call("A", 0, "13900000005", "C06", "楼道里水管漏水"),
            Call("B", 5, "13900000005", "C08", "我想办个过户"),                      // unrelated category
            Call("C", 8, "13900000005", "C06", "我再问一下另外一个问题，小区门口也在冒水"), // related, but the customer says it is new
        };
        Assert.Equal("", Chains(calls));
    }

    [Fact]
    public void A_complaint_about_a_late_repair_repeats_the_repair_call()
    {
        var calls = new[] { Call("A", 0, "13900000006", "C06"), Call("B", 30, "13900000006", "C10", "报修两天了还没人来"), Call("C", 40, "13900000006", "C09", "你们态度太差") };
        Assert.Equal("A,B,C", Chains(calls));
    }

    [Fact]
    public void The_same_account_links_calls_from_different_numbers()
    {
        var calls = new[] { Call("A", 0, "13900000007", "C05", account: "1002001"), Call("B", 10, "13800000008", "C05", account: "1002001") };
        Assert.Equal("A,B", Chains(calls));
    }

    [Fact]
    public void Withheld_numbers_and_outbound_callbacks_never_chain()
    {
        var calls = new[]
        {
            Call("A", 0, "", "C03"), Call("B", 1, "0", "C03"),
            Call("C", 2, "13900000009", "C06"), Call("D", 3, "13900000009", "C06", outbound: true),
        };
        Assert.Equal("", Chains(calls));
    }

    [Fact]
    public void Late_arrivals_take_their_place_and_the_chain_keeps_its_id()
    {
        var a = Call("A", 0, "13900000010", "C11", "暖气不热");
        var c = Call("C", 100, "13900000010", "C11", "暖气还是不热");
        var b = Call("B", 50, "13900000010", "C11", "暖气还不热，师傅还没来");
        Assert.Equal("", Chains([a, c]));                       // 100 h apart: no chain yet
        var analysis = new RepeatAnalysis(Policy);
        var result = analysis.Run([c, a, b]);                   // B arrives late, in the middle
        var chain = Assert.Single(result.Chains);
        Assert.Equal("K-A", chain.Id);
        Assert.Equal(["A", "B", "C"], chain.Calls.Select(x => x.CallId));
        Assert.Equal(3, result.Members["C"].Position);
        // Any input order gives the same chains.
        var again = analysis.Run([b, c, a]);
        Assert.Equal(result.Members.OrderBy(m => m.Key).ToList(), again.Members.OrderBy(m => m.Key).ToList());
    }

    [Fact]
    public void Several_callers_of_one_region_about_no_water_form_an_outage_cluster()
    {
        var calls = new[]
        {
            Call("A", 0, "13900000011", "C03", region: "莲池区"), Call("B", 1, "13900000012", "C04", region: "莲池区"),
            Call("C", 2.5, "13900000013", "C03", region: "莲池区"),
            Call("D", 1, "13900000014", "C03", region: "满城区"), Call("E", 2, "13900000015", "C03", region: "满城区"), // only two callers
            Call("F", 9, "13900000016", "C03", region: "莲池区"),                                                     // hours later: not in it
        };
        var cluster = Assert.Single(OutageClusterFinder.Find(calls, Policy.OutageCluster));
        Assert.Equal(["A", "B", "C"], cluster.Select(c => c.CallId));
        var result = new RepeatAnalysis(Policy).Run(calls);
        Assert.Equal(RepeatKind.Cluster, result.Members["B"].Kind);
        Assert.Equal("A-A", result.Members["B"].ChainId);
        Assert.Equal(RootCause.R3, Assert.Single(result.Clusters).RootCause);
        Assert.Contains("莲池区 3 位不同来电人", result.Clusters[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_of_one_caller_do_not_make_a_cluster()
    {
        var calls = new[] { Call("A", 0, "13900000017", "C03"), Call("B", 1, "13900000017", "C03"), Call("C", 2, "13900000017", "C03") };
        Assert.Empty(OutageClusterFinder.Find(calls, Policy.OutageCluster));
    }
}
