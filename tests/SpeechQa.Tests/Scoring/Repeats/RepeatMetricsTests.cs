using SpeechQa.Scoring.Repeats;
using static SpeechQa.Tests.Scoring.Repeats.RepeatTestKit;

namespace SpeechQa.Tests.Scoring.Repeats;

public sealed class RepeatMetricsTests
{
    private static RepeatReport Report(CallContact[] calls, double asOfHours) =>
        RepeatMetrics.Compute(calls, new RepeatAnalysis(Policy).Run(calls), Policy, Monday.AddHours(asOfHours));

    [Fact]
    public void Fcr_counts_closed_calls_per_agent_and_leaves_open_windows_pending()
    {
        var calls = new[]
        {
            Call("A", 0, "13900000201", "C06", agentId: "A01"), Call("B", 10, "13900000201", "C06", agentId: "A02"), // A01's call repeated
            Call("C", 0, "13900000202", "C06", agentId: "A01"),                                                     // resolved
            Call("D", 200, "13900000203", "C06", agentId: "A02"),                                                   // window still open
        };
        var report = Report(calls, 210);
        var a01 = report.Resolution[RepeatDimension.Agent].Single(r => r.Key == "A01");
        Assert.Equal((2, 1, 0), (a01.Calls, a01.Repeated, a01.Pending));
        Assert.Equal(0.5, a01.Fcr, 3);
        var a02 = report.Resolution[RepeatDimension.Agent].Single(r => r.Key == "A02");
        Assert.Equal((1, 0, 1, 1), (a02.Calls, a02.Repeated, a02.Repeats, a02.Pending));
        Assert.Equal((3, 1, 1), (report.Overall.Calls, report.Overall.Repeated, report.Overall.Pending));
        Assert.Equal("2024-11-04", Assert.Single(report.Resolution[RepeatDimension.Week], r => r.Key == "2024-11-04").Key);
    }

    [Fact]
    public void Callbacks_within_the_sla_are_timely_later_ones_late_and_none_missing()
    {
        var calls = new[]
        {
            Call("A", 0, "13900000301", "C06"), Call("A-cb", 20, "13900000301", null, outbound: true),   // timely
            Call("B", 0, "13900000302", "C05"), Call("B-cb", 30, "13900000302", null, outbound: true),   // late
            Call("C", 0, "13900000303", "C11"),                                                          // missing
            Call("D", 0, "13900000304", "C01"),                                                          // billing: no callback due
            Call("E", 90, "13900000305", "C06"),                                                         // SLA not over yet
        };
        var report = Report(calls, 100);
        Assert.Equal((3, 1, 1, 1), (report.Callbacks.Eligible, report.Callbacks.Timely, report.Callbacks.Late, report.Callbacks.Missing));
        Assert.Equal(1 / 3.0, report.Callbacks.Timeliness, 3);
    }

    [Fact]
    public void Rules_whose_hits_go_with_repeats_rank_first_and_low_scores_correlate_with_repeats()
    {
        var calls = new List<CallContact>();
        for (var i = 0; i < 10; i++)
        {
            var number = $"1390000{i:0000}";
            var repeated = i < 4;
            calls.Add(Call($"O{i}", i, number, "C06", score: repeated ? 60 : 95, rules: repeated ? ["N08"] : i == 9 ? ["N01"] : []));
            if (repeated)
                calls.Add(Call($"R{i}", i + 20, number, "C06", score: 95));
        }
        var report = Report([.. calls], 500);
        var top = report.RuleLifts[0];
        Assert.Equal(("N08", 4, 4), (top.Rule, top.CallsWithHit, top.RepeatedWithHit));
        Assert.True(top.RateWithHit > top.RateWithout);
        Assert.True(report.ScoreRepeatCorrelation < -0.5, $"correlation {report.ScoreRepeatCorrelation}");
        Assert.Equal(4, report.ScoreBands.Single(b => b.Band == "60–79").Repeated);
    }
}
