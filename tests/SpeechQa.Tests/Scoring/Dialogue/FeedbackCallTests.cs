using SpeechQa.Scoring.Dialogue;
using SpeechQa.Tests.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>A praise or a suggestion noted and passed on is no ticket: no time limit or number is owed for it (N03/N08/N10).</summary>
public sealed class FeedbackCallTests
{
    [Theory]
    [InlineData("我打电话是想表扬一下昨天那个修水管的小伙子。", false)]
    [InlineData("我就是提个建议，催费的短信字太小了。", false)]
    [InlineData("我想给你们提个意见，停水通知最好也贴在楼道里。", false)]
    [InlineData("刚才有人冒充你们公司上门，要给我装东西。", false)]
    [InlineData("门口有个人讲是你们自来水公司的，要收钱做消毒，是不是骗子？", false)]
    [InlineData("楼道里的水管漏水了，好几天了。", true)] // the same agent words after a fault report make a ticket
    public void Passing_feedback_on_is_not_a_ticket(string customer, bool ticket)
    {
        var state = Call(
            ('a', 0, 3, "您好，供水热线，请问有什么可以帮您？"),
            ('c', 3.5, 9, customer),
            ('a', 9.5, 14, "好的，我给您记下来，转给相关班组。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(ticket, state.Events(DialogueEvent.AgentTicket).Count > 0);
    }

    [Fact]
    public void Passing_on_praise_for_a_repair_names_the_repair_but_makes_no_ticket()
    {
        var state = Call(
            ('c', 0, 5, "我打来是想表扬一下昨天半夜来抢修的师傅。"),
            ('a', 5.5, 10, "昨天夜里抢修的那一班，您的表扬我记下来转给他们。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_dispatch_in_a_praising_call_is_still_a_ticket()
    {
        var state = Call(
            ('c', 0, 5, "先表扬一下你们的抢修队，另外我家水表井冒水了。"),
            ('a', 5.5, 10, "好的，我给您派单，安排维修师傅上门。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
    }
}
