using SpeechQa.Scoring.Dialogue;
using SpeechQa.Tests.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>Whose data the agent says (F01) and whether what was done was sensitive (F05), as the dialogue state reads them.</summary>
public sealed class DataDisclosureTests
{
    [Theory]
    [InlineData("我把集团人力资源部的电话给您，您让孩子直接问。", false)] // the number that follows is the department's
    [InlineData("您稍等，我查一下。", true)]
    public void A_number_after_an_announced_department_is_not_the_callers_data(string before, bool disclosed)
    {
        var state = Call(
            ('c', 0, 4, "我想问问你们招不招人。"),
            ('a', 4.5, 9, before),
            ('a', 9.5, 13, "电话是0991-3266580，上班时间打。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(disclosed, state.Events(DialogueEvent.Disclosure).Count > 0);
    }

    [Theory]
    [InlineData("户名写的是我家老头儿。", "投诉已经登记了。", false)] // naming the holder is no change of the holder
    [InlineData("我想把户名改成我的。", "已经给您改好了。", true)]
    public void A_holder_name_said_is_not_a_holder_change(string customer, string agent, bool sensitive)
    {
        var state = Call(('c', 0, 4, customer), ('a', 4.5, 8, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(sensitive, state.Events(DialogueEvent.SensitiveUnverified).Count > 0);
    }
}
