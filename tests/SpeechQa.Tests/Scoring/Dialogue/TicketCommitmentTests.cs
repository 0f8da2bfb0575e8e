using SpeechQa.Scoring.Dialogue;
using SpeechQa.Tests.Scoring.Judging;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Dialogue;

/// <summary>What the agent commits to for a ticket: the time and the callback, wherever in the call they were said.</summary>
public sealed class TicketCommitmentTests
{
    [Theory]
    [InlineData("到时候维修站的师傅会打电话跟您约上门时间。")]
    [InlineData("上门前会打电话给您。")]
    [InlineData("师傅出发之前先给您打个电话。")]
    [InlineData("维修师傅一个工作日内上门，动身前会拨你这个号。")]
    [InlineData("他们两个钟头之内到，来之前会打您电话。")]
    [InlineData("站上的师傅出门前会先联系您。")]
    [InlineData("回头维修班的师傅跟您电话联系。")]
    [InlineData("一个工作日内有人过去，去之前先给您打电话。")]
    [InlineData("所里的师傅会先给您来个电话约时间。")]
    [InlineData("一个工作日之内师傅去看，去之前会打这个电话。")]
    [InlineData("维修班的师傅会给您打这个电话联系。")]
    [InlineData("抢修队接报后三十分钟之内出发，出发以后队长会给您打电话。")]
    [InlineData("出发了领班会直接打您这个手机。")]
    public void The_workers_call_before_the_visit_is_a_callback_arrangement(string agent)
    {
        var state = Call(
            ('c', 0, 4, "我家楼道的阀门一直滴水。"),
            ('a', 4.5, 9, "好的，我给您派单，安排师傅上门。"),
            ('a', 9.5, 14, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
        Assert.NotEmpty(state.Events(DialogueEvent.TicketNumberOrCallback));
    }

    [Theory]
    [InlineData("好的，我这边已经报给抢修队了。", true)]
    [InlineData("那我再给您报一下维修。", true)]
    [InlineData("行，记下了，这两天就有人过去看看。", true)]
    [InlineData("好，给您派了水压检测。", true)]
    [InlineData("我这边给您登个单，叫师傅过去看看。", true)]
    [InlineData("行，给你们站上挂上个号。", true)]
    [InlineData("我给您排上维修了。", true)]
    [InlineData("行，我给你叫师傅过去。", true)]
    [InlineData("单子派出去了，到时候就有人去了。", true)]
    // The refusal in one spoken sentence does not undo the ticket made in the next (the exclusion reads up to 。？！).
    [InlineData("之前那张单子还没派出去。这样，我给您再报一个时效投诉单。", true)]
    [InlineData("这样的话，我们没法给您派人，您找物业吧。", false)]
    [InlineData("四百七十二吨，给您记上了，下期按这个数算。", false)] // a meter reading noted for the bill
    [InlineData("标准就是这样，达标的我们这边不给派单。", false)] // a refusal
    [InlineData("好，给您写进去了，热力站的师傅会跟您打电话联系。", true)]
    [InlineData("好，给抢修派上了，尽快让他们过去。", true)]
    [InlineData("不过您说味道很冲，我们还是派人过去取个水样检测一下。", true)]
    [InlineData("好的，我给您报到水质那边，让他们派人来看。", true)]
    [InlineData("好已经报了，两个小时之内会有人上门取样。", true)]
    [InlineData("我先给您把报修登记上。", true)]
    [InlineData("滞纳金减免我帮您把申请报上去，有结果通知您。", false)] // a request passed on, no work ticket
    [InlineData("派好了，抢修队接报以后三十分钟之内出发。", true)]
    [InlineData("换表单我给您提了。", true)] // the ticket named first
    [InlineData("登记了也是转给物业，没用。", false)] // even if registered: nothing registered
    [InlineData("行，给您派上了，回头师傅就过去。", true)]
    [InlineData("十六度还是不达标的，那我再给您派一次复查。", true)] // 还是不 states the reading: no 'if'
    [InlineData("放完气还是不热的话，我们再给您派人。", false)] // an offer for later
    [InlineData("谢谢您的认可，您的表扬我们转给班组。", false)] // praise passed on, though the caller never said 表扬
    [InlineData("您的意见我会写进回访结果，报给维修中心。", false)] // feedback passed on
    [InlineData("发短信这个意见我记下来，反馈给管通知的部门。", false)] // a suggestion passed on, whatever the caller called it
    [InlineData("放了还响的话，您再打过来报修，我们派人上门看。", false)] // an offer for later
    public void A_ticket_is_made_in_these_words(string agent, bool ticket)
    {
        var state = Call(('c', 0, 4, "我家门口的水表井一直在冒水。"), ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(ticket, state.Events(DialogueEvent.AgentTicket).Count > 0);
    }

    [Theory]
    [InlineData("单号不用记，您等着就行。")]
    [InlineData("没有单号，您等着就行。")]
    public void Saying_there_is_no_number_gives_none(string agent)
    {
        var state = Call(('c', 0, 4, "我家门口的水表井一直在冒水。"), ('a', 4.5, 9, "好的，我给您登记维修。"), ('a', 9.5, 12, agent))
            .DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
        Assert.Empty(state.Events(DialogueEvent.TicketNumberOrCallback));
    }

    [Theory]
    [InlineData("行，记下了，这两天就有人过去看看。")] // vague: 'in the next day or two'
    [InlineData("给您登记了，师傅一天要跑几十户，您等着吧。")] // the crew's workload, no time for this ticket
    [InlineData("给您登记了，跟您前两天报的一样处理。")] // a past day
    [InlineData("给您登记了，人家师傅一天跑二十来户，您等着吧。")] // a rate, not a limit
    public void These_words_state_no_time_limit(string agent)
    {
        var state = Call(('c', 0, 4, "我家门口的水表井一直在冒水。"), ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
        Assert.Empty(state.Events(DialogueEvent.TimeLimit));
    }

    [Theory]
    [InlineData("表盘玻璃裂了看不清数，抄表员上回来也说让我打电话换表。")]
    [InlineData("玻璃里面全是水汽，上回抄表的师傅也说看不清，想让你们来给换一个。")]
    public void What_the_meter_reader_said_last_time_is_no_earlier_report(string customer)
    {
        var state = Call(
            ('c', 0, 5, customer),
            ('a', 5.5, 8, "好的，给您登记换表。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
    }

    [Theory]
    [InlineData("那有个单号啥的没有？")]
    [InlineData("能不能给个单号？")]
    [InlineData("有没有单号呀？")]
    [InlineData("那来人之前打电话不？")] // the visit's call, not an earlier report
    [InlineData("行，那就等着了。有单号没有？")]
    [InlineData("不是说得等一天才来人吗？上回我邻居说的。")] // what a neighbour said, no report of the caller's
    [InlineData("对了，正好你打过来了，俺们楼门口的井盖也裂了。")] // the agent called (an outbound callback), no report of the caller's
    public void A_caller_asking_for_the_number_reported_nothing_earlier(string customer)
    {
        var state = Call(
            ('c', 0, 4, "小区门口的消防栓一直往外喷水。"),
            ('a', 4.5, 7, "行，给你报上了。"),
            ('c', 7.5, 10, customer)).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_time_said_before_a_ticket_known_only_by_its_number_is_that_tickets()
    {
        var state = Call(
            ('c', 0, 4, "我家水龙头出来的水发黄。"),
            ('a', 4.5, 9, "水质问题两个小时之内到现场。"),
            ('a', 9.5, 13, "联系电话就是您这个，尾号3358对吧？"),
            ('c', 13.5, 14, "对。"),
            ('a', 14.5, 17, "您稍等。"),
            ('a', 17.5, 20, "好的，工单号是W12090142。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Contains("推断", Assert.Single(state.Events(DialogueEvent.AgentTicket)).Evidence, StringComparison.Ordinal);
        Assert.NotEmpty(state.Events(DialogueEvent.TimeLimit));
    }

    [Theory]
    [InlineData("可以，那就从一月一号开始报停，报停以后阀门会有人上门关。", false)] // the suspension's own visit
    [InlineData("站里电话是3086627，您明天上午打过去，他们跟您约时间上门看。", false)] // the caller phones the station
    [InlineData("好的，明天上午师傅上门给您看。", true)]
    [InlineData("那片儿正抢修呢，抢修队说下午三点左右能修好。", false)] // an outage's estimate relayed
    public void A_visit_time_after_a_read_back_makes_a_ticket_only_for_a_repair_visit(string agent, bool ticket)
    {
        var state = Call(
            ('c', 0, 4, "我家在丽都花园六号楼二单元。"),
            ('a', 4.5, 8, "丽都花园6号楼2单元，对吧？"),
            ('c', 8.5, 9, "对。"),
            ('a', 9.5, 14, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(ticket, state.Events(DialogueEvent.AgentTicket).Count > 0);
    }

    [Theory]
    [InlineData("您要实在不放心，我可以给您登记个水质检测。", false)] // an offer
    [InlineData("管子归住户，但是我可以给您登记，派人先把阀门关上。", true)] // a commitment
    [InlineData("已经派单了，抢修班出发前会给您打电话。还有其他事儿需要反映吗？", true)] // the further-needs question offers nothing
    [InlineData("需要我给您登记一下吗？", false)]
    public void I_can_register_it_is_an_offer_only_after_an_if(string agent, bool ticket)
    {
        var state = Call(('c', 0, 4, "楼上漏水漏到我家了。"), ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(ticket, state.Events(DialogueEvent.AgentTicket).Count > 0);
    }

    [Theory]
    [InlineData("那倒不用了，达标了就行，我就是问问。", false)] // declined: nothing registered
    [InlineData("算了算了，两块钱不麻烦了。", false)]
    [InlineData("行，那麻烦你们快点来。", true)] // taken up: the agent registers it
    public void An_offer_the_caller_turns_down_makes_no_ticket(string reply, bool ticket)
    {
        var state = Call(
            ('c', 0, 4, "屋里十八度半，就是觉得有点凉。"),
            ('a', 4.5, 9, "标准是不低于十八度，您家达标了，不过我可以给您派个师傅上门复测一下。"),
            ('c', 9.5, 12, reply)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(ticket, state.Events(DialogueEvent.AgentTicket).Count > 0);
    }

    [Fact]
    public void Asking_what_the_number_of_this_ticket_is_names_no_earlier_ticket()
    {
        var state = Call(
            ('c', 0, 4, "我家门口的水表井一直在冒水。"),
            ('a', 4.5, 9, "好的我这边给您登记了，单号是W0923108。"),
            ('c', 9.5, 11, "啊？单号是好多？")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_re_check_offered_if_the_caller_wants_it_and_declined_is_no_ticket()
    {
        var state = Call(
            ('c', 0, 4, "这俩月水费怎么这么高？"),
            ('a', 4.5, 10, "要是觉得表有问题，您报一下户号，我给您报个抄表复核。"),
            ('c', 10.5, 12, "不用了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void Chasing_the_callers_earlier_ticket_again_makes_no_new_ticket()
    {
        var state = Call(
            ('c', 0, 4, "我前天报的管子漏水，到现在还没人来。"),
            ('a', 4.5, 9, "单子已经派下去了，我这边再给您催一下。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
        var renewed = Call(
            ('c', 0, 4, "我前天报的管子漏水，到现在还没人来。"),
            ('a', 4.5, 9, "我再给您派一张单。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(renewed.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_ticket_for_a_repair_that_came_back_is_new_though_the_caller_reported_before()
    {
        var state = Call(
            ('c', 0, 4, "上回也是这个表井，修了没两个月又漏了。"),
            ('a', 4.5, 9, "好，我给您报上去，让维修的师傅过来看。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
        // Still waiting for the first repair: the same words are about the old ticket.
        var waiting = Call(
            ('c', 0, 4, "上回报的表井漏水，到现在还没人来。"),
            ('a', 4.5, 9, "好，我给您报上去，让维修的师傅过来看。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(waiting.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_time_named_in_the_offer_the_caller_accepted_belongs_to_the_ticket()
    {
        var state = Call(
            ('c', 0, 4, "那个违约金能不能不收啊？"),
            ('a', 4.5, 12, "我可以帮您把减免申请报上去，五个工作日内会有人回电话告诉您结果，您看行吗？"),
            ('c', 12.5, 14, "行，那你报吧。"),
            ('a', 14.5, 17, "好的，您这个号码尾号是多少？"),
            ('c', 17.5, 19, "三四五六。"),
            ('a', 19.5, 23, "好，申请已经登记了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(5, Assert.Single(state.Events(DialogueEvent.AgentTicket)).Sentence);
        Assert.NotEmpty(state.Events(DialogueEvent.TimeLimit));
    }

    [Fact]
    public void A_rule_stated_after_an_echoed_address_makes_no_ticket()
    {
        // An outage explained: the agent echoes the estate and quotes the burst-repair rule; nothing is registered.
        var state = Call(
            ('c', 0, 4, "我们这里没水了，金桥小区。"),
            ('a', 4.5, 8, "金桥小区是吧，那边有根管子爆了，正在抢修。"),
            ('a', 8.5, 14, "爆管抢修的规定是接报后三十分钟内出发，师傅已经在现场了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }

    [Theory]
    [InlineData("上期欠费一百五十六，逾期了四十天，滞纳金三块一。")] // how late a bill is, not when anything will be done
    [InlineData("您报修时留的哪个地址？我帮您查一下单子。")] // looking a ticket up makes none
    public void Days_overdue_and_a_ticket_looked_up_are_no_commitment(string agent)
    {
        var state = Call(('c', 0, 4, "我想问问水费的事。"), ('a', 4.5, 10, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
        Assert.Empty(state.Events(DialogueEvent.TimeLimit));
    }

    [Theory]
    [InlineData("回电就是您现在打来的这个号码吗？尾号7730？", true)] // the last four put to the caller (LABELLING.md)
    [InlineData("您家地址还是金秋苑4号楼2单元501吧？", true)]
    [InlineData("回电就是您现在打来的这个号码吗？", false)] // 'this number?' reads nothing back
    [InlineData("回电就打您这个最后四位2286的手机是吧？", true)]
    [InlineData("联系电话留您现在这个，一三七、五五零二、八八一四，对吧？", true)] // spoken digits in groups
    [InlineData("查到了，是东关街供销社后院那个阀门井，是这个吧？", true)] // a place on the record put to the caller
    public void A_detail_put_to_the_caller_as_a_question_is_read_back(string agent, bool readBack)
    {
        var state = Call(('c', 0, 4, "暖气不热。"), ('a', 4.5, 10, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(readBack, state.Events(DialogueEvent.ReadBack).Count > 0);
    }

    [Theory]
    [InlineData("单号多少？", "K七七二零一五。")]
    [InlineData("您有受理号吗？", "有，受理号是K七七二零一五。")]
    public void Repeating_the_ticket_number_the_caller_gave_reads_none_of_their_details_back(string question, string answer)
    {
        var state = Call(
            ('c', 0, 4, "前天报的水管漏水，到现在没人来。"),
            ('a', 4.5, 6, question),
            ('c', 6.5, 9, answer),
            ('a', 9.5, 13, "K772015，我给您催一下。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.TicketChased));
        Assert.Empty(state.Events(DialogueEvent.ReadBack));
    }

    [Fact]
    public void A_bare_ticket_number_given_when_asked_and_repeated_is_no_read_back()
    {
        var state = Call(
            ('c', 0, 4, "我大前天报了个水压小，到现在也没人来。"),
            ('a', 4.5, 7, "您把单号告诉我，我帮您查。"),
            ('c', 7.5, 9, "二三六七零四。"),
            ('a', 9.5, 13, "二三六七零四，好的。我现在就给您催办。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.TicketChased));
        Assert.Empty(state.Events(DialogueEvent.ReadBack));
    }

    [Fact]
    public void An_address_given_instead_of_the_ticket_number_is_read_back()
    {
        var state = Call(
            ('c', 0, 4, "昨天报的暖气不热，今天还没人来。"),
            ('a', 4.5, 7, "您有工单号吗，或者说一下地址？"),
            ('c', 7.5, 11, "单号没记，地址是朝阳路，锦华苑，三号楼二单元六楼。"),
            ('a', 11.5, 15, "朝阳路锦华苑三号楼二单元六楼，好的，我这就给您催办。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.ReadBack));
    }

    [Fact]
    public void Asking_whether_the_caller_still_wants_someone_sent_is_an_offer()
    {
        var state = Call(
            ('c', 0, 4, "水壶底下一层白的，是不是水有问题？"),
            // The question alone, before the caller answers: the offer registers nothing (a refusal after it is read apart).
            ('a', 4.5, 9, "那是水垢，烧开后析出来的。您还需要我们派人上门取个水样看看吗？")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_callback_telling_the_result_of_a_job_registered_earlier_makes_no_new_ticket()
    {
        var state = Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "outbound" }, null,
            ('a', 0, 4, "您好，供水热线回访，请问是高秀英阿姨吗？"),
            ('c', 4.5, 6, "是我。"),
            ('a', 6.5, 14, "前天您反映水表读数不对，我们登记了抄表复核，昨天师傅上门核实过了，给您说一下结果。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }

    [Fact]
    public void A_callback_that_finds_the_fault_back_and_reports_it_again_makes_a_ticket()
    {
        var state = Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "outbound" }, null,
            ('a', 0, 5, "您好，热力公司回访，请问是向师傅吗？您前天报的暖气不热，现在怎么样？"),
            ('c', 5.5, 9, "不行，今天早上又不热了。"),
            ('a', 9.5, 13, "让您又受冻了，那我再给您报一次。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
        Assert.Empty(state.Events(DialogueEvent.TicketNumberOrCallback)); // 热力公司回访 names the caller, it promises nothing
    }

    [Fact]
    public void A_caller_asking_whether_to_note_a_ticket_number_reported_nothing_before()
    {
        var state = Call(
            ('c', 0, 4, "我家暖气不热，摸上去就是个温乎。"),
            ('a', 4.5, 6, "行，给您报上了。"),
            ('c', 6.5, 9, "那单子号啥的不用记一下？")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.AgentTicket));
    }

    [Theory]
    [InlineData("您说的这个情况我给您记下来，报给公司，提醒一下其他小区。")] // a warning about impostors passed on
    [InlineData("好的，两位师傅我记下来了，会转给他们班组和领导。")] // praise passed on
    public void A_report_noted_and_passed_on_is_no_ticket(string agent)
    {
        var state = Call(
            ('c', 0, 4, "有两个人说是你们公司的人，上门收钱，是不是骗子？"),
            ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.AgentTicket));
    }
}
