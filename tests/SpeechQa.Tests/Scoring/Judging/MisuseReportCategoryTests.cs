using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Judging;

/// <summary>A caller reporting someone else's illegal water use asks for an inspection: C99 first, with the model's own probability.</summary>
public sealed class MisuseReportCategoryTests
{
    private static readonly CategoryScore[] LeakFirst = [new("C06", 0.62), new("C99", 0.21), new("C07", 0.08)];

    [Fact]
    public void A_hose_on_a_fire_hydrant_reported_puts_C99_first()
    {
        var call = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 9, "我想举报一下，菜市场旁边有人天天拿水管接在消防栓上冲地。"));
        Assert.Equal(["C99", "C06", "C07"], MisuseReportCategory.Apply(LeakFirst, call, ShippedDialogueCues.Value).Select(c => c.Id));
    }

    [Fact]
    public void A_caller_defending_themselves_or_a_plain_leak_moves_nothing()
    {
        var leak = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "我家水表井里接头那儿一直冒水。"));
        Assert.Same(LeakFirst, MisuseReportCategory.Apply(LeakFirst, leak, ShippedDialogueCues.Value));
        var defending = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "表坏了不走，回头可别说我偷水啊。"));
        Assert.Same(LeakFirst, MisuseReportCategory.Apply(LeakFirst, defending, ShippedDialogueCues.Value));
        // A list without C99 (the export's top three): the report alone does not invent a score.
        CategoryScore[] without = [new("C06", 0.62), new("C07", 0.21), new("C04", 0.08)];
        var report = Call(('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"), ('c', 3, 8, "对门那户偷偷从总管上接了根管子。"));
        Assert.Same(without, MisuseReportCategory.Apply(without, report, ShippedDialogueCues.Value));
    }
}
