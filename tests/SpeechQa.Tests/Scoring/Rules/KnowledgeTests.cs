using SpeechQa.Scoring.Knowledge;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>Numbers as agents say them, and F03 against the shipped knowledge base.</summary>
public sealed class KnowledgeTests
{
    [Theory]
    [InlineData("3.45", 3.45)]
    [InlineData("三点四五", 3.45)]
    [InlineData("二十二", 22)]
    [InlineData("十八", 18)]
    [InlineData("一百八十", 180)]
    [InlineData("两", 2)]
    [InlineData("３０", 30)]
    public void Chinese_numbers(string text, double value) => Assert.Equal(value, ChineseNumber.Parse(text));

    [Theory]
    [InlineData("每吨三块四毛五", QuantityKind.Yuan, 3.45)]
    [InlineData("一吨4块2", QuantityKind.Yuan, 4.2)]
    [InlineData("第一阶梯3块45一吨", QuantityKind.Yuan, 3.45)]
    [InlineData("超出的按四块八三", QuantityKind.Yuan, 4.83)]
    [InlineData("价格是5块03一吨", QuantityKind.Yuan, 5.03)]
    [InlineData("3.45元一吨", QuantityKind.Yuan, 3.45)]
    [InlineData("两百六十吨以上，七块二毛一吨", QuantityKind.Yuan, 7.2)] // 一吨 is 'a ton', not one fen
    [InlineData("滞纳金是按每天万分之五一直累计的", QuantityKind.Ratio, 0.0005)] // 一直 is no digit
    [InlineData("两个小时内到场", QuantityKind.Minutes, 120)]
    [InlineData("半小时内出发", QuantityKind.Minutes, 30)]
    [InlineData("30分钟内出发", QuantityKind.Minutes, 30)]
    [InlineData("化验员明天上午才能过去", QuantityKind.Minutes, 1440)]
    [InlineData("一个工作日内处理", QuantityKind.Minutes, 1440)]
    [InlineData("一个工作日内处理", QuantityKind.WorkingDays, 1)]
    [InlineData("一周之内回复您", QuantityKind.WorkingDays, 5)]
    [InlineData("换表要排队，一般一个星期左右", QuantityKind.WorkingDays, 5)]
    [InlineData("半个月以内答复", QuantityKind.WorkingDays, 11)]
    [InlineData("两个月内给结果", QuantityKind.WorkingDays, 44)]
    [InlineData("不低于18℃", QuantityKind.Celsius, 18)]
    [InlineData("每天万分之五", QuantityKind.Ratio, 0.0005)]
    [InlineData("22元一平方米", QuantityKind.YuanPerSquareMetre, 22)]
    [InlineData("每平米二十二块", QuantityKind.YuanPerSquareMetre, 22)]
    public void Quantities(string text, QuantityKind kind, double value) =>
        Assert.Equal(value, QuantityReader.Read(text, kind).Single().Value, 6);

    [Theory]
    [InlineData("四块多一吨", 4, 1)]
    [InlineData("三块四毛多", 3.4, 0.1)]
    [InlineData("三块四毛五", 3.45, 0)]
    [InlineData("水费多少钱？三块钱多少吨", 3, 0)] // 多少 asks, it is no rough figure
    public void A_rough_figure_spans_up_to_its_next_unit(string text, double value, double span)
    {
        var stated = QuantityReader.Read(text, QuantityKind.Yuan).Single();
        Assert.Equal((value, span), (Math.Round(stated.Value, 4), stated.Span));
    }

    [Theory]
    [InlineData("自来水公司二十四小时抢修电话是九六一二三")] // when a line is open, not how soon anyone comes
    [InlineData("我们24小时服务，夜里也能打")]
    [InlineData("营业厅不是二十四小时有人")]
    [InlineData("燃气是燃气公司管的，他们有二十四小时抢修。")]
    public void A_line_open_round_the_clock_states_no_time_limit(string text) =>
        Assert.Empty(QuantityReader.Read(text, QuantityKind.Minutes));

    private static readonly Lazy<SpeechQa.Scoring.Rules.RuleSet> Water = new(() =>
        SpeechQa.Scoring.Rules.Loading.RuleSetLoader.Load(Path.Combine(RulesFolder, "rulesets/water-hotline.yaml")));

    private static bool WrongInformation(string agentSays) =>
        Run(Water.Value, Call(('a', 0, 5, agentSays))).Any(h => h.Rule == "F03");

    [Theory]
    [InlineData("第一阶梯是每吨4.2元")]
    [InlineData("第二档一吨5块")]
    [InlineData("您说的是阶梯水价。年用水量181吨到260吨这一段是第二阶梯，价格是5块03一吨。")]
    [InlineData("滞纳金是每天千分之五")]
    [InlineData("水质问题我们24小时内到场")]
    [InlineData("室温标准是不低于16度")]
    [InlineData("采暖费是25元一平方米")]
    [InlineData("爆管的话两个小时内出发")]
    [InlineData("一般维修3个工作日内处理")]
    [InlineData("您这个水费有异议的话，我们一个月之内回电")]
    [InlineData("水质的问题夜里不上门，明天一个工作日内处理")]
    [InlineData("过户的话，欠费不用先结清，以后接着交就行")]
    [InlineData("欠费那块不影响，您先把户过到自己名下")]
    [InlineData("您放心办过户，他那些旧账回头跟您的一块交")]
    [InlineData("房产证不用，有身份证就行。")]
    [InlineData("超过一百八十吨，到二百六十吨这一段，是四块三毛八一吨。")] // the tier named by its range
    [InlineData("那是第三阶梯，年用水量超过260吨的部分，六块二一吨。")]
    [InlineData("欠费不耽误，您先过户，过完户欠的那些回头再说。")]
    [InlineData("阶梯是按您每两个月抄表那个周期算的。")]
    [InlineData("那个是原来户主的，跟您没关系，您直接办过户就行。")]
    [InlineData("我们的标准是十六度，您家十七度就够了")]
    [InlineData("十六度以上就算合格")]
    [InlineData("水质这块化验员明天上午才能过去")]
    [InlineData("第二阶梯是五块多一吨")] // five-odd yuan does not reach 4.83
    [InlineData("第一阶梯 每吨4.2元")] // a space before the number still lets the clause before lend its fact
    [InlineData("居民是按建筑面积收的，每平方米每个采暖季二十五块钱。")] // per m² by its unit, the season between
    [InlineData("您家八十九点六平，按每平米二十四块钱算。")]
    public void Wrong_numbers_are_F03(string sentence) => Assert.True(WrongInformation(sentence), sentence);

    [Theory]
    [InlineData("第一阶梯每吨三块四毛五")]
    [InlineData("一年0到180吨是第一阶梯，每吨3.45元；181到260吨是第二阶梯，每吨4.83元")]
    [InlineData("滞纳金按每日万分之五计算")]
    [InlineData("水质问题两小时内到场")]
    [InlineData("室温不低于十八度")]
    [InlineData("采暖费二十二元每平方米，您家98平米就是2156元")]
    [InlineData("您家登记面积是八十九点六平，按每平米二十二块钱算，一共一千九百七十一块二。")] // the area and the total state no fee
    [InlineData("爆管抢修30分钟内出发")]
    [InlineData("一般维修一个工作日内处理")]
    [InlineData("投诉我们三个工作日内回电答复您")]
    [InlineData("过户前得先结清原户主的水费")]
    [InlineData("房产证要带原件和复印件，原户主的身份证复印件也要。")]
    [InlineData("一百八十一吨到二百六十吨是四块八毛三，二百六十吨以上是七块二毛一吨。")]
    [InlineData("去年的到去年十二月三十一号就结了，今年从零开始累计，一百八十吨以内都是第一阶梯的价。")]
    [InlineData("这次是十月、十一月这俩月抄表出来的，一共八十六块四。")] // months named, no reading cycle
    [InlineData("这个不影响您用水，过户得先把原户主欠的水费结清")]
    [InlineData("您家这两个月水费是三百二十元")]
    [InlineData("十八度以上就算达标")]
    [InlineData("水质问题两小时内到场，化验结果明天给您打过来")]
    [InlineData("累计用了一百九十多吨，超过了第一阶梯的180吨，所以超出的部分是按第二阶梯4.83元一吨算的")]
    [InlineData("四块多那个是第二档，一吨4.83元。")] // 四块多 is four-odd yuan: 4.83 lies in it
    [InlineData("第二档是四块八毛三，一年用到一百八十一吨以上才算。")] // where the tier starts, no limit
    [InlineData("第二档是一年用到一百八十一吨到二百六十吨，每吨四块八毛三。")]
    [InlineData("爆管是一个小时前报的，抢修队四十分钟前出发了。")] // a report's age, no time limit
    [InlineData("抢修预计夜里十点完成，完了以后管道升温还得两三个钟头。")] // the warm-up after the job
    [InlineData("报停受理号是T五五零二六，三个工作日内师傅上门给阀门加封。")] // a suspension's seal visit, no repair
    [InlineData("单子给您建好了，两个工作日内师傅上门关阀门。")] // a visit to shut the valve, no repair
    [InlineData("六块钱比第一阶梯的价高了不少，您跟房东对一下。")] // the caller's price set against the tier
    // ASR text without punctuation: a space after a Han character ends a clause, two numbers side by side are two
    // clauses, and a number read out digit by digit is an identifier.
    [InlineData("年用水180吨以内是第一阶梯 每吨3.45元 181到260吨是第二阶梯 每吨4.83元")]
    [InlineData("我们的标准是室温不低于十八度十六度是不达标的")]
    [InlineData("单号二一七六三个工作日内回电答复您")]
    public void Right_numbers_are_not(string sentence) => Assert.False(WrongInformation(sentence), sentence);

    [Fact]
    public void A_measured_temperature_repeated_first_does_not_hide_a_wrong_standard_after_it() =>
        Assert.Contains(Run(Water.Value, Call(('c', 0, 4, "家里才十七度，冻得不行。"), ('a', 4.5, 9, "十七度嘛……我们这边的标准是室温不低于十六度，所以算达标。"))),
            h => h.Rule == "F03");

    [Fact]
    public void A_sentence_cut_by_recognition_between_the_fact_and_its_number_is_read_whole()
    {
        Assert.Contains(Run(Water.Value, Call(('a', 0, 3, "超过一百八十吨到二百六十吨是第二阶梯，"), ('a', 3, 5, "四块三毛八一吨。"))), h => h.Rule == "F03");
        // A stop between them, or another speaker, ends the sentence.
        Assert.DoesNotContain(Run(Water.Value, Call(('a', 0, 3, "第二阶梯是这样算的。"), ('a', 3, 5, "您家这期四块三毛八。"))), h => h.Rule == "F03");
        Assert.DoesNotContain(Run(Water.Value, Call(('a', 0, 3, "超过一百八十吨是第二阶梯，"), ('c', 3, 5, "四块三毛八一吨？"))), h => h.Rule == "F03");
    }

    [Fact]
    public void A_bare_answer_states_the_fact_the_caller_just_asked_about()
    {
        Assert.Contains(Run(Water.Value, Call(('c', 0, 3, "我问下今年的取暖费是好多钱一个平方？"), ('a', 3, 5, "25块一个平方。"))), h => h.Rule == "F03");
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "我问下今年的取暖费是好多钱一个平方？"), ('a', 3, 5, "22块一个平方。"))), h => h.Rule == "F03");
        // The answer's clauses before its number belong to it: 按欠费金额，每天千分之五 answers how the late fee is counted.
        Assert.Contains(Run(Water.Value, Call(('c', 0, 3, "滞纳金怎么算的？"), ('a', 3, 5, "按欠费金额，每天千分之五。"))), h => h.Rule == "F03");
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "滞纳金怎么算的？"), ('a', 3, 5, "按欠费金额，每天万分之五。"))), h => h.Rule == "F03");
        // Not a question, or the question's last clause names no fact: the bare number states nothing checked.
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "取暖费我交过了。"), ('a', 3, 5, "25块一个平方。"))), h => h.Rule == "F03");
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "取暖费交过了，一平方多少钱来着我忘了，您说我家这个表多少钱一个？"), ('a', 3, 5, "25块一个平方。"))), h => h.Rule == "F03");
        // A question asked in words, in a clause of its own, without a question mark at the end (暖气费 is the heating fee too).
        Assert.Contains(Run(Water.Value, Call(('c', 0, 3, "想问问今年这暖气费是多少钱一平米，俺刚买的二手房，面积是九十八平米……"), ('a', 3, 5, "居民的话是二十五块一平米。"))), h => h.Rule == "F03");
        Assert.Contains(Run(Water.Value, Call(('c', 0, 3, "想问问暖气费怎么交，多少钱？"), ('a', 3, 5, "按建筑面积收，二十五块一个平方。"))), h => h.Rule == "F03");
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "想问问暖气费怎么交，多少钱？"), ('a', 3, 5, "按建筑面积收，二十二块一个平方。"))), h => h.Rule == "F03");
    }

    // Recognition output without Chinese punctuation: a space or a '.' between Han characters ends a clause, and in a
    // run that names two facts a number right for one of them is not a wrong figure for the other.
    [Theory]
    [InlineData("夜里我们只出紧急抢修您这个属于一般维修明天按规定一个工作日内处理")]
    [InlineData("整片都在抢修的单子里了 您不用另外报.恢复以后要慢慢热起来大概一两个小时")]
    [InlineData("阶梯水量按年累计 1月一号重新开始算")]
    [InlineData("阶梯这个一月1号就重新算了")]
    [InlineData("180吨以内是第一阶梯，三块四毛五一吨，您这期有28吨还在第一阶梯，28乘3.45是96块6")]
    [InlineData("系统里九月二十号和十一月二十号都有抄表记录")]
    [InlineData("用水超了一百八十吨，进了第二阶梯，那一档是四块八毛三")]
    [InlineData("要是变成往外喷了，那就按抢修走。眼下这种渗水就是一个工作日以内。")] // a full stop ends what the fact before it lends
    [InlineData("给您记上了，投诉维修人员收费，三个工作日之内有人给您回电话。")] // right for one of the facts the clause before names
    public void Recognition_shaped_sentences_with_right_numbers_are_not(string sentence) => Assert.False(WrongInformation(sentence), sentence);

    [Theory]
    [InlineData("爆管抢修我们两个小时内出发")]
    [InlineData("整片都在抢修 抢修两个小时以后出发")]
    [InlineData("阶梯水量按每期账单重新开始算")]
    [InlineData("原户主的欠费不用先交，过户以后一起交也行")]
    [InlineData("一百八十吨以上到二百六十吨的这一档是五块一一吨")]
    public void Recognition_shaped_sentences_with_wrong_numbers_still_are(string sentence) => Assert.True(WrongInformation(sentence), sentence);

    [Fact]
    public void The_customer_saying_a_wrong_price_is_not_F03() =>
        Assert.DoesNotContain(Run(Water.Value, Call(('c', 0, 3, "我听说第一阶梯一吨四块多？"), ('a', 3, 6, "不是的，第一阶梯每吨3.45元"))), h => h.Rule == "F03");
}
