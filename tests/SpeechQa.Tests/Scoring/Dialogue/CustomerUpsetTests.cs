using SpeechQa.Scoring.Dialogue;
using SpeechQa.Tests.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>The customer's upset as the dialogue state reads it: the cue table, or the act model when it is nearly sure.</summary>
public sealed class CustomerUpsetTests
{
    [Theory]
    [InlineData("冇了。", false)] // a two-character answer carries no complaint, however sure the model is
    [InlineData("没了。", false)]
    [InlineData("这都第几天了还不来修", true)]
    public void The_act_model_alone_needs_a_sentence_with_content(string customer, bool upset)
    {
        var call = Call(('a', 0, 3, "还有别的事吗？"), ('c', 3.5, 5, customer));
        IReadOnlyDictionary<string, double> none = new Dictionary<string, double>();
        IReadOnlyDictionary<string, double> complaint = new Dictionary<string, double> { ["complaint"] = 0.995 };
        var state = call.WithSentenceLabels([none, complaint]).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(upset, state.Events(DialogueEvent.CustomerUpset).Count > 0);
    }

    [Theory]
    [InlineData("报了三天了，打电话顶什么用？", true)]
    [InlineData("到今天还没见着人，到底修不修", true)]
    [InlineData("你们记着点，别让我白打了。", false)] // a worry that the call is wasted, not anger
    [InlineData("你们就是这个服务态度……", true)]
    [InlineData("满意满意，你们这个态度蛮好。", false)] // praise of the attitude
    [InlineData("交钱交钱，你们这是抢钱啊！", true)]
    [InlineData("你们不是讲两个钟头吗？这都中午了。", true)] // the time the hotline promised has passed
    [InlineData("我家管子冻裂了，水淌了一地，谁负责？", true)]
    [InlineData("这毛病年年有，报了也没用。", true)] // weariness is upset too
    [InlineData("两个钟头能到吗？", false)] // asking about the time limit is no complaint
    [InlineData("你这是么话？问一下你就这么讲话？", true)]
    [InlineData("算了算了，跟你讲也冇用。", true)]
    [InlineData("你们怎么搞的啊！院子都淹了。", true)]
    [InlineData("什呢叫没办法？那不照，我要你们派人来看表！", true)]
    [InlineData("从昨晚就没水，你们到底搞什呢名堂？", true)]
    [InlineData("师傅还给我讲了半天，挺实在。", false)] // praise
    [InlineData("咋这么麻烦呢？我是他妈，还能冒名咋的？", false)] // 'his mother', no swearing (the 麻烦 is no complaint either)
    public void The_cue_table_reads_complaints_in_regional_words(string customer, bool upset)
    {
        var state = Call(('a', 0, 3, "您好，供水热线。"), ('c', 3.5, 8, customer)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(upset, state.Events(DialogueEvent.CustomerUpset).Count > 0);
    }
}
