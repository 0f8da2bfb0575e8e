using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Judging;

/// <summary>A high bill the caller blames on the reading is a meter/reading call (C07) when the model ranks C07 second.</summary>
public sealed class ReadingDisputeCategoryTests
{
    private static readonly CategoryScore[] BillFirst = [new("C01", 0.55), new("C07", 0.30), new("C02", 0.10)];

    [Fact]
    public void The_caller_blaming_the_reading_puts_C07_first()
    {
        var call = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "两个人两个月四十吨，是不是你们抄错了？"));
        Assert.Equal(["C07", "C01", "C02"], ReadingDisputeCategory.Apply(BillFirst, call, ShippedDialogueCues.Value).Select(c => c.Id));
    }

    [Fact]
    public void Without_the_complaint_or_with_C07_ranked_lower_nothing_moves()
    {
        var plain = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "第二阶梯是多少钱一吨？"));
        Assert.Same(BillFirst, ReadingDisputeCategory.Apply(BillFirst, plain, ShippedDialogueCues.Value));
        var blamed = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "是不是估的？这期水费太高了。"));
        CategoryScore[] lower = [new("C01", 0.55), new("C02", 0.30), new("C07", 0.10)];
        Assert.Same(lower, ReadingDisputeCategory.Apply(lower, blamed, ShippedDialogueCues.Value));
        // The agent saying it is no complaint of the caller's.
        var agentSays = Call(('a', 0, 3, "这期是估抄的。"), ('c', 3, 8, "哦，那水价是多少？"));
        Assert.Same(BillFirst, ReadingDisputeCategory.Apply(BillFirst, agentSays, ShippedDialogueCues.Value));
    }
}
