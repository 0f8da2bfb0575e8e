using SpeechQa.Scoring.Repeats;
using static SpeechQa.Tests.Scoring.Repeats.RepeatTestKit;

namespace SpeechQa.Tests.Scoring.Repeats;

public sealed class RootCauseAttributionTests
{
    private static RepeatChain Only(params CallContact[] calls) => Assert.Single(new RepeatAnalysis(Policy).Run(calls).Chains);

    [Fact]
    public void A_wrong_answer_on_the_origin_call_is_R1_and_the_explanation_names_the_rule()
    {
        var chain = Only(
            Call("A", 0, "13900000101", "C01", "第一阶梯多少钱一吨", "第一阶梯是四块五一吨", score: 0, rules: "F03"),
            Call("B", 26, "13900000101", "C01", "上次说四块五，账单上不是这个数"));
        Assert.Equal(RootCause.R1, chain.RootCause);
        Assert.Contains("命中规则 F03", chain.Explanation, StringComparison.Ordinal);
        Assert.Contains("上次说", chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chase_after_the_ticket_deadline_is_R2()
    {
        // Monday 08:00 report of a low-pressure repair (1 working day); the chase comes Tuesday 14:00, past the deadline.
        var chain = Only(
            Call("A", 0, "13900000102", "C04", "水压特别小", "我这边给您派单，一个工作日内处理"),
            Call("B", 30, "13900000102", "C04", "都一天多了还没人来"));
        Assert.Equal(RootCause.R2, chain.RootCause);
        Assert.Contains("已超过时限", chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chase_inside_the_ticket_deadline_is_not_a_ticket_failure()
    {
        var chain = Only(
            Call("A", 0, "13900000103", "C04", "水压特别小", "我这边给您派单，一个工作日内处理"),
            Call("B", 3, "13900000103", "C04", "怎么还没人来"));
        Assert.Equal(RootCause.R9, chain.RootCause);
        Assert.Contains("仍在时限内", chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_working_day_deadline_skips_the_weekend()
    {
        var sla = Policy.TicketSla["C06"][^1];
        var friday = new DateTimeOffset(2024, 11, 8, 17, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2024, 11, 11, 17, 0, 0, TimeSpan.FromHours(8)), ServiceDeadline.After(friday, sla));
        // So a Saturday chase of a Friday ticket is inside the SLA, a Tuesday chase outside.
        var saturday = Only(Call("A", 4 * 24 + 9, "13900000104", "C06", "水表井漏水", "给您派单了"), Call("B", 5 * 24 + 2, "13900000104", "C06", "还没人来"));
        Assert.NotEqual(RootCause.R2, saturday.RootCause);
    }

    [Fact]
    public void A_caller_inside_an_outage_cluster_is_R3()
    {
        var result = new RepeatAnalysis(Policy).Run(
        [
            Call("A", 0, "13900000105", "C03", "突然没水了", region: "清苑区"),
            Call("B", 0.5, "13900000106", "C03", "我们楼没水", region: "清苑区"),
            Call("C", 1, "13900000107", "C04", "水很小", region: "清苑区"),
            Call("D", 4, "13900000105", "C03", "还是没水，是不是停水了", region: "清苑区"),
        ]);
        var chain = Assert.Single(result.Chains);
        Assert.Equal(RootCause.R3, chain.RootCause);
        Assert.Equal(RepeatKind.Chain, result.Members["A"].Kind); // the chain is what the caller's calls show first
        Assert.Equal(RepeatKind.Cluster, result.Members["B"].Kind);
    }

    [Theory]
    [InlineData("C01", "水费", "这个月水费太高了，是不是估抄的", RootCause.R4)]
    [InlineData("C02", "欠费", "我根本没收到短信通知就说我欠费", RootCause.R5)]
    [InlineData("C06", "漏水", "上周刚修好，今天又漏了", RootCause.R6)]
    [InlineData("C06", "漏水", "想问问进度", RootCause.R9)]
    [InlineData("C02", "欠费", "钱交上了，可我压根不知道要交啊", RootCause.R5)] // never knew of the bill: the notice did not reach them
    [InlineData("C08", "过户", "营业厅说还要原户主身份证复印件，你们昨天为什么不讲全？白跑一趟", RootCause.R1)]
    [InlineData("C02", "欠费", "催费那个号码早就不用了，你们停水前也不打个电话", RootCause.R5)]
    [InlineData("C12", "暖气不热", "那号是俺儿子的，催费短信他收了，也没跟俺说一声", RootCause.R5)] // the notice went to a relative who never passed it on
    [InlineData("C06", "爆管", "前晚修的那个地方又爆了", RootCause.R6)]
    [InlineData("C01", "水费", "单子上多出来的二十来吨是打哪来的？这钱交还是不交？", RootCause.R4)]
    [InlineData("C06", "漏水", "又是那个地方漏水，盆又接满了", RootCause.R6)]
    [InlineData("C02", "退费", "我要的是退钱，怎么给我转成预存了？", RootCause.R4)] // a refund turned into a prepayment: disputed, not the caller's own wish
    [InlineData("C03", "停水", "修路的说早报给你们了，你们热线怎么还不知道？", RootCause.R3)] // works the hotline was not told of
    [InlineData("C03", "停水", "修路的铲车把主管挖断了，到现在还没水", RootCause.R3)] // works that cut the main
    public void What_the_customer_says_in_the_repeat_decides(string category, string first, string repeat, RootCause expected)
    {
        var chain = Only(Call("A", 0, "13900000108", category, first), Call("B", 20, "13900000108", category, repeat));
        Assert.Equal(expected, chain.RootCause);
        Assert.StartsWith($"{expected} {RootCauseNames.Chinese(expected)}", chain.Explanation, StringComparison.Ordinal);
    }

    /// <summary>What an agent of the chain finds on the record outweighs the caller's impression: a ticket written to the
    /// wrong building after an origin that read nothing back (N03) is R1 though the caller says nobody came; a ticket still
    /// waiting to be dispatched is R2 though the caller says the heating is still cold; a notice sent to the previous
    /// owner's phone, found on the first call, is R5.</summary>
    [Theory]
    [InlineData("C06", "19号楼楼道里水管滴水", "好的给您派单，一个工作日内处理", "N03", 30, "C10", "等了一天多还没人来", "抱歉，工单上记成了9号楼，师傅去那边没找到", RootCause.R1, "第 2 通来电坐席查到")]
    [InlineData("C11", "暖气片一点都不热", "给您派单了，一个工作日内师傅上门", "", 40, "C11", "暖气还是不热", "我看了一下，这张单子还在待派，师傅没上过门", RootCause.R2, "第 2 通来电坐席查到")]
    [InlineData("C03", "怎么突然停水了", "今天计划停水，通知前天发了，我看您户上登记的还是原户主的电话", "", 3, "C03", "以后停水我怎么知道", "改号码要户主来核实", RootCause.R5, "第 1 通来电坐席查到")]
    [InlineData("C03", "家里没水了", "今天计划停水，晚上六点来水", "", 4, "C03", "我怎么一点都不知道", "短信是发到户主预留的号码，您是租户所以没收到", RootCause.R5, "第 2 通来电坐席查到")]
    [InlineData("C11", "暖气凉了", "给您登记了，一个工作日内上门", "", 8, "C11", "楼下挖了个大坑，是不是跟这个有关", "查到小区在换管段，这次施工没有提前告知住户，非常抱歉", RootCause.R3, "第 2 通来电坐席查到")]
    [InlineData("C03", "家里没水了", "查到是欠费停水", "", 4, "C02", "房东说从没收到过催费的", "户上留的是房东以前的号码，通知都发到那边了", RootCause.R5, "第 2 通来电坐席查到")]
    [InlineData("C03", "没水了", "系统里没看到停水计划，给您登记了", "", 4, "C03", "到底几点来水", "核实到是外面施工挖的，施工方事先没跟我们报，抢修队在现场了", RootCause.R3, "第 2 通来电坐席查到")]
    [InlineData("C03", "怎么就我家没水", "您家欠费暂停供水了，缴清后恢复", "", 6, "C02", "钱交了，什么时候来水", "已经到账了，您户上登记的是个停用的座机，所以通知没到，我给您改成手机", RootCause.R5, "第 2 通来电坐席查到")]
    [InlineData("C07", "上门换表怎么没提前说", "换表前发过短信，给您重新约时间", "", 30, "C07", "到底哪天来换表", "您登记的手机号少录了一位，短信发不过去，已经改好了", RootCause.R5, "第 2 通来电坐席查到")]
    [InlineData("C12", "采暖费按的面积比房本大", "给您提交面积核查，三个工作日内回电", "", 40, "C12", "等着回话呢，能先开阀吗", "面积核查还在办，我帮您催一下", RootCause.R4, "第 2 通来电坐席查到")]
    public void What_an_agent_finds_on_the_record_decides(string category, string said, string answered, string rule, double hoursLater,
        string repeatCategory, string saidAgain, string found, RootCause expected, string explained)
    {
        var chain = Only(
            Call("A", 0, "13900000109", category, said, answered, rules: rule.Length == 0 ? [] : [rule]),
            Call("B", hoursLater, "13900000109", repeatCategory, saidAgain, found));
        Assert.Equal(expected, chain.RootCause);
        Assert.Contains(explained, chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_repeat_after_the_visit_was_done_is_not_a_ticket_left_unhandled()
    {
        // The caller says the engineer came and measured; they call again with a new wish, not a chase.
        var chain = Only(
            Call("A", 0, "13900000111", "C11", "屋里有点凉", "给您登记了，一个工作日内上门测温"),
            Call("B", 40, "13900000111", "C11", "师傅昨天来量过了，能不能再烧热一点", "温度是统一调度的"));
        Assert.Equal(RootCause.R9, chain.RootCause);
        // Without the visit said, the same late repeat is read as the ticket not handled in time.
        var unvisited = Only(
            Call("A", 0, "13900000112", "C11", "屋里有点凉", "给您登记了，一个工作日内上门测温"),
            Call("B", 40, "13900000112", "C11", "能不能再烧热一点", "温度是统一调度的"));
        Assert.Equal(RootCause.R2, unvisited.RootCause);
    }

    [Fact]
    public void A_callback_that_tells_the_repair_was_done_keeps_a_late_repeat_from_reading_as_a_ticket_left_unhandled()
    {
        // The visit is told only on the callback between the two inbound calls (never a chain member).
        var chain = Only(
            Call("A", 0, "13900000131", "C04", "高峰的时候二十六楼没水", "给您派单测一下进小区的水压，一个工作日内处理"),
            Call("CB", 8, "13900000131", "C04", "好，那我找物业问问", "您好，回访一下，师傅测了进水口压力是正常的，问题在物业的加压泵", outbound: true),
            Call("B", 48, "13900000131", "C04", "物业说是你们的事，今天早上又没水", "加压泵归物业维护，我再联系一次物业"));
        Assert.Equal(RootCause.R9, chain.RootCause);
        Assert.DoesNotContain(chain.Calls, c => c.CallId == "CB");
        // Without the callback the same repeat, past the ticket's deadline, reads as the ticket not handled in time.
        var uncalled = Only(
            Call("A", 0, "13900000132", "C04", "高峰的时候二十六楼没水", "给您派单测一下进小区的水压，一个工作日内处理"),
            Call("B", 48, "13900000132", "C04", "物业说是你们的事，今天早上又没水", "加压泵归物业维护，我再联系一次物业"));
        Assert.Equal(RootCause.R2, uncalled.RootCause);
    }

    [Theory]
    // All billing, nothing said of a cause: the matter stayed unresolved (R4) — unless the caller only forgot the answer.
    [InlineData("C02", "水费交到哪里，交多少", "营业厅或公众号都能交，这期三十六块", "上午问过的，我记不住了，再说一遍交多少", RootCause.R9)]
    [InlineData("C02", "水费交到哪里，交多少", "营业厅或公众号都能交，这期三十六块", "再问一遍这期交多少", RootCause.R4)]
    [InlineData("C02", "水费交到哪里，交多少", "银行渠道到账会晚一天", "我琴晚交咗，想确认下到咗账未", RootCause.R9)]
    [InlineData("C02", "滞纳金怎么算", "按欠费金额每天万分之五", "我今天就去交，除了营业厅还能去哪儿交？", RootCause.R9)] // where to pay: no dispute
    [InlineData("C02", "代扣怎么没扣上", "卡上余额不足，下旬银行再扣一次", "钱我卡里存进去了，想问问扣没扣", RootCause.R9)] // the caller's own debit
    [InlineData("C02", "交给物业的钱你们没收到？", "物业还没转过来，给您登记核实", "物业讲月底统一转给你们，那滞纳金咋办", RootCause.R9)] // the property company passes it on later
    [InlineData("C05", "水发白", "给您派单，两小时内到场检测", "夜来小伙子来给测了，我就是打个电话谢谢他", RootCause.R9)]
    [InlineData("C07", "水表不走了", "给您登记换表，一个工作日内上门", "明儿上午家里没人，能不能叫师傅后晌来？", RootCause.R9)]
    // A ticket past its deadline (R2) — unless the caller rings to move their own appointment.
    [InlineData("C07", "水表不走了", "给您登记换表，一个工作日内上门", "我明天要出门，能不能改到后天上午", RootCause.R9)]
    [InlineData("C07", "水表不走了", "给您登记换表，一个工作日内上门", "明天家里有人吗要我等着", RootCause.R2)]
    public void A_reason_of_the_callers_own_leaves_the_default_readings_out(string category, string first, string answered, string repeat, RootCause expected)
    {
        var chain = Only(
            Call("A", 0, "13900000121", category, first, answered),
            Call("B", 40, "13900000121", category, repeat));
        Assert.Equal(expected, chain.RootCause);
        if (expected == RootCause.R9)
            Assert.Contains("客户自身原因", chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_agent_who_pushed_the_caller_away_is_a_first_answer_that_was_wrong()
    {
        // The origin's agent sent the caller to the property company (F04); the property company sent them back.
        var chain = Only(
            Call("A", 0, "13900000131", "C06", "表前阀门漏水", "楼道的管子归物业，您找物业去吧", rules: ["F04"]),
            Call("B", 26, "13900000131", "C06", "物业说表前归你们管，叫我再打", "抱歉，给您派单"));
        Assert.Equal(RootCause.R1, chain.RootCause);
        Assert.Contains("命中规则 F04", chain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_after_an_arrears_stop_repeats_the_no_water_call()
    {
        var result = new RepeatAnalysis(Policy).Run([
            Call("A", 0, "13900000132", "C03", "家里没水了", "您家欠费超过三个月，已经停水"),
            Call("B", 6, "13900000132", "C02", "钱交了，什么时候来水")]);
        Assert.Equal(["A", "B"], Assert.Single(result.Chains).Calls.Select(c => c.CallId));
    }

    [Theory]
    // 还是不热 six hours after a ticket with a one-working-day deadline: nobody has been yet — no failed repair.
    [InlineData(6, "还是不热，家里有小孩", RootCause.R9)]
    // The same words after the deadline: the repair may have been done and not held — the caller's words count.
    [InlineData(40, "还是不热，家里有小孩", RootCause.R6)]
    // Said with the visit: the engineer came and it is still cold.
    [InlineData(6, "师傅来看过了，还是不热", RootCause.R6)]
    public void Still_cold_is_a_failed_repair_only_where_a_repair_may_have_been_done(double hoursLater, string repeat, RootCause expected)
    {
        var chain = Only(
            Call("A", 0, "13900000141", "C11", "暖气不热", "给您登记了，一个工作日内师傅上门"),
            Call("B", hoursLater, "13900000141", "C11", repeat));
        Assert.True(expected == chain.RootCause, chain.Explanation);
    }
}
