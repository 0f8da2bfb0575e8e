using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The shipped conduct rules (F02 mockery and threats, F04 shirking, F06 promises) on an agent's words after a caller's,
/// through the rule files alone (no act model): the look-alikes the rules must leave alone, beside the forms they must catch.
/// </summary>
public sealed class ShippedConductRuleTests
{
    private static readonly Lazy<SpeechQa.Scoring.Rules.RuleSet> Water = new(() =>
        SpeechQa.Scoring.Rules.Loading.RuleSetLoader.Load(Path.Combine(RulesFolder, "rulesets/water-hotline.yaml")));

    [Theory]
    // F02: the taunt, and words that only look like one.
    [InlineData("都三天了还不来？", "排着呢，爱等不等。", "F02", true)]
    [InlineData("阿拉屋里水龙头坏脱了。", "您这讲的什么鸟语，说普通话。", "F02", true)]
    [InlineData("你们这帮吃干饭的！", "你嘴巴干净点，再骂一句试试。", "F02", true)]
    [InlineData("一年才用了两百吨，怎么就第二阶梯了？", "两个人用两百吨，您家是在屋里养鱼呢？", "F02", true)]
    [InlineData("我家门口那个，就是那个，前年修路的时候……", "你这是报修还是给我写作文？", "F02", true)]
    [InlineData("你们就会贴单子吓唬人！", "你再给我吵一句看看。", "F02", true)]
    [InlineData("放多久？我没听懂。", "我说的是普通话吧？这么简单的都听不懂？", "F02", true)]
    [InlineData("这个我没看懂。", "这个看不懂没关系，我给您再说一遍。", "F02", false)]
    [InlineData("再不来我就去曝光！", "你去曝光嘛，看谁理你。", "F02", true)]
    [InlineData("凭什么停我家水？", "还嚷嚷？信不信明早就断水。", "F02", true)]
    [InlineData("我讲的是一刻子没水。", "舌头捋直了再讲。", "F02", true)]
    [InlineData("怎么突然就停水了？", "通知贴门上了，您自己不看怪哪个。", "F02", true)]
    [InlineData("欠的钱过户以后咋办？", "过完户接着交，欠的一块儿往后滚。", "F02", false)] // arrears carried over
    [InlineData("壶里的白沫是啥？", "那是水垢的细末，水开了翻滚带上来的。", "F02", false)] // boiling
    [InlineData("干嘛非要户号？", "这是为了保护您家，不然谁打个电话都能把您家暖气停了。", "F02", false)] // why the check protects the caller
    [InlineData("我们老两口冻了一宿。", "大娘您别上火，何况您二老这岁数，我这就给您报上。", "F02", false)] // feeling for them
    [InlineData("营业厅的人跟我说爱交不交！", "营业厅工作人员跟您说爱交不交，这话确实不应该。", "F02", false)] // someone else's words
    // F04: a push, and a referral with the right number or a reason.
    [InlineData("楼里没水了。", "泵房归物业管，你自己找他们去。", "F04", true)]
    [InlineData("楼里没水了。", "泵房归物业管，我先把物业的值班电话告诉您，零四二九五二一三六八八。", "F04", false)]
    [InlineData("能换个户名吗？", "具体材料您打电话问或者去营业厅咨询都行。", "F04", false)] // options offered
    [InlineData("镇上没水了。", "镇上的供水不是我们公司负责的，是当地的供水公司在管，他们的电话我给您。", "F04", false)]
    [InlineData("我要办过户。", "没有户号的话这边没法给您办，是为了保护您的账户。", "F04", false)] // verification first
    [InlineData("暖气才十五度，给派个人吧。", "楼老了都这样，这个报不了。", "F04", true)]
    [InlineData("能派人来看看吗？", "老楼都这样，上门也白扯。", "F04", true)]
    [InlineData("表走得不准，你们给核一下吧。", "核什么核，表好好的。", "F04", true)]
    [InlineData("家里的水管你们给改吗？", "户内的管子我们不管，有个便民维修的号，您记一下，零三五一六二二八零九。", "F04", false)] // the right party's number
    [InlineData("这户怎么停水了？", "这户欠着三百多，把欠的交上就能来水，您跟房东说吧。", "F04", false)] // the bill is the holder's
    [InlineData("门市上家欠的钱算我的吗？", "上家欠了两百多没交，您得跟房东说，让他找上家结清。", "F04", false)]
    [InlineData("我是租房的，户主是房东。", "这户欠了三个月，两百多块，您跟房东说一下赶紧交。", "F04", false)]
    [InlineData("家里管子漏了。", "屋里的管子要您自己找人修，水表前面的漏可以打我们电话报修。", "F04", false)] // the work split at the meter
    [InlineData("你给我登记一下吧。", "登记了也没人去，你去找居委会。", "F04", true)] // registering said to be pointless is no ticket
    [InlineData("水几点能来？", "几点来水我答不上，我又不是抢修队的人。", "F04", false)] // brusque about the agent's own role, not a push elsewhere
    [InlineData("读数是不是抄错了？", "复核过了，你问多少遍都是这个数。", "F04", false)] // an answer held to, not a refusal
    [InlineData("暖气才十五度。", "您先找社区看看是不是楼里的毛病。", "F04", true)]
    [InlineData("几点能来水？", "系统查不出来，你过俩钟头再打过来吧。", "F04", true)]
    [InlineData("几点能来水？", "还没准信，您过两个钟头可以再打来问问，或者看公众号的公告。", "F04", false)] // an option beside another
    [InlineData("你先给我记下行不？", "记了也没用，系统进不去。", "F04", true)]
    [InlineData("暖气片下半截才热。", "户里的问题我们一般不上门。", "F04", true)]
    [InlineData("能再派个人吗？", "我这边报不了，系统不一样。", "F04", true)]
    [InlineData("这都第三回了，到底修不修？", "排着呢，你打再多回也一样，别老打了。", "F04", true)]
    [InlineData("推销的人收了我爸定金，能要回来吗？", "定金的事您找派出所，我们管不了钱。", "F04", false)] // a fraud is the police's matter
    [InlineData("水发黄，能来人看看吗？", "这个不用报，报了师傅来也是白跑一趟。", "F04", true)]
    [InlineData("整栋楼都没水了。", "周末维修班休息，您下礼拜一再打过来吧。", "F04", true)]
    [InlineData("能派人来测个温吗？", "这个现在不用派，您先观察两天。", "F04", true)]
    [InlineData("水还是黄的，再派人来看看。", "那您另外报吧，我这边只管回访。", "F04", true)] // a callback agent turning a new request away
    [InlineData("墙里的管子渗水，是他家的还是我家的？", "你们两家先说清楚，我们不掺和你们的事。", "F04", true)]
    [InlineData("我是租户，房东不在。", "行，那您就跟房东说一下，让他早点交了。", "F04", false)] // a message passed on, not a push
    [InlineData("那结果我问谁？", "等回电的时候您跟他们说。", "F04", false)] // the callback already arranged
    [InlineData("你帮我催催师傅呀！", "这个我没办法催，排到了就会去。", "F04", true)]
    [InlineData("到底几点来水？", "说不好，你就别打了，修好了就来。", "F04", true)]
    [InlineData("报了两天了还没人来！", "你催也白催，师傅都排着呢。得，我给你再催催。", "F04", false)] // chased after all
    // F06: a promise, and refusals to make one.
    [InlineData("今天能修好吗？", "我保证今天给您修好。", "F06", true)]
    [InlineData("师傅几点来？", "您放心，下午五点前师傅肯定到。", "F06", true)]
    [InlineData("多久能修好？", "我们保证一个多钟头之内就给您修好。", "F06", true)]
    [InlineData("几点来水？", "下午四点，四点钟准来水。", "F06", true)]
    [InlineData("报停了剩下的钱能退吗？", "这钱我做主给您退了。", "F06", true)]
    [InlineData("中午前能到吗？", "到不了我自己掏钱赔您一百。", "F06", true)]
    [InlineData("今天能修好吗？", "打包票我可不敢说，单子已经给您提交了。", "F06", false)]
    [InlineData("几点能到？", "我冇办法给您打包票几点到，但我现在就标加急。", "F06", false)]
    [InlineData("化验能保证没事吗？", "这个我没办法现在就保证，得等化验结果出来。", "F06", false)] // words between the refusal and the promise
    [InlineData("明天上午能来不？", "具体几点师傅会联系您，这个我不好给您打保证，您多担待。", "F06", false)]
    [InlineData("报停了还收钱吗？", "报停了采暖费就不收，正常供热是二十二块一个平方。", "F06", false)] // the policy
    [InlineData("换表收钱不？", "表是自己坏的，算正常更换，不收您的钱。", "F06", false)] // the policy for a meter worn out
    public void Conduct_rules_catch_the_forms_and_leave_the_look_alikes(string customer, string agent, string rule, bool fires) =>
        Assert.Equal(fires, Run(Water.Value, Call(('c', 0, 4, customer), ('a', 4.5, 10, agent))).Any(h => h.Rule == rule));

    [Theory]
    [InlineData("那水压到底啥时候能上来，我家六楼", true)] // cut off mid-request
    [InlineData("行了行了，不跟你说了，我挂了。", false)] // the caller ends the call themselves
    public void An_agent_hang_up_after_the_caller_ends_the_call_is_not_f07(string last, bool fires) =>
        Assert.Equal(fires, Run(Water.Value, Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "inbound", HangupBy = "agent" }, null,
            ('a', 0, 4, "您好，供水热线，请问有什么可以帮您？"), ('c', 4.5, 8, "我家水压太低了。"), ('a', 8.5, 12, "那一片都这样，没办法。"), ('c', 12.5, 16, last)))
            .Any(h => h.Rule == "F07"));
}
