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

    [Theory]
    [InlineData("您好，这里是供热热线回访，请问是马成林马师傅吗？", "对，是我，啥事？", true)]
    [InlineData("您好，供水热线，您是刘桂芝刘阿姨不是？", "对，我就是。", true)]
    [InlineData("您好，这里是供热热线回访，请问是马成林马师傅吗？", "是，我是他儿媳妇。", false)] // the household answered, not the holder
    [InlineData("您好，我是热力公司客服中心的，工号5634，是韩志军先生吧？", "是额。撒事？", true)]
    [InlineData("喂，您好，我这边是水务客服中心的，请问是陈国良先生伐？", "是的，我就是，啥事体？", true)]
    [InlineData("您好，供水公司客服中心，请问是林水生林阿伯吗？", "是，我就是，什么事？", true)] // 阿伯 names the holder too
    [InlineData("喂，您好，我是水务热线的回访专员，请问是陈家豪陈生吗？", "系我，乜事啊？", true)] // Cantonese: 陈生 names him, 系我 is yes
    [InlineData("喂，您好，我是水务热线的回访专员，请问是陈家豪陈生吗？", "系统发的短信我收到了。", false)] // 系统 is no yes
    [InlineData("您好，我是供水公司客服中心的，请问是努尔兰·别克先生吗？", "是我，你说。", true)] // a name with a middle dot
    [InlineData("您好，这里是供水公司，请问是赵秀芬大姨吗？", "是我，啥事？", true)] // 大姨 names her too
    [InlineData("您好，这里是水务营业厅回访，请问是丁文杰丁先生吗？", "喂喂？是的，我是丁文杰，哪位？", true)] // picking up, then yes
    public void On_a_callback_the_holder_answering_to_their_name_is_verified(string agent, string answer, bool verified)
    {
        var state = Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "outbound" }, null,
            ('a', 0, 4, agent),
            ('c', 4.5, 6, answer),
            ('a', 6.5, 12, "您家这一季采暖费还欠着二千一百块没交。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(verified, state.Events(DialogueEvent.Disclosure).Count == 0);
    }

    [Fact]
    public void On_a_callback_answered_by_family_the_holders_arrears_read_out_is_the_bill_read_before_verification()
    {
        // 他家 on a callback is the household called about: its arrears told to the wife are the bill read (F05) too.
        var state = Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "outbound" }, null,
            ('a', 0, 4, "您好，这里是供热服务热线，请问是邵长江邵先生吗？"),
            ('c', 4.5, 6, "他不在，我是他媳妇儿。"),
            ('a', 6.5, 12, "行，他家去年那个采暖季还欠着，欠1650块。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("18672045531，对吧？我给你派个师傅上门。", false)] // the question right after the number, the sentence going on
    [InlineData("18672045531，我给你派个师傅上门，对吧？", false)]
    [InlineData("我给你派个师傅上门，电话18672045531。", true)] // told, not asked back
    public void The_callers_corrected_phone_confirmed_right_after_the_number_is_no_disclosure(string agent, bool disclosed)
    {
        var state = Call(
            ('c', 0, 4, "卧室的暖气片不热，电话是一八六，七二零四，五五一三……不对，是五五三一。"),
            ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(disclosed, state.Events(DialogueEvent.Disclosure).Count > 0);
    }

    [Theory]
    [InlineData("户号零三三八零六一，户主我，马国强。", false)] // 户主我，NAME: the holder named
    [InlineData("户号零三三八零六一，户主我，不太清楚。", true)] // no name given: the amount is told to an unverified caller
    [InlineData("户号零三三八，嗯，零六一，户主我，马国强。", false)] // a filler between the groups of the account number
    public void The_holder_named_as_户主我_then_the_name_verifies_with_the_account_number(string given, bool disclosed) =>
        Assert.Equal(disclosed, Call(('a', 0, 4, "您户号和户主说一下。"), ('c', 4.5, 9, given), ('a', 9.5, 13, "是欠了四百一十七块五。"))
            .DialogueState(ShippedDialogueCues.Value).Events(DialogueEvent.Disclosure).Count > 0);

    [Theory]
    [InlineData("我们村从昨晚起就没水了。", "联系电话是您现在打的这个一五九，〇六三二，七八八五吗？")] // the calling line, in spoken digits
    [InlineData("我们村从昨晚起就没水了。", "联系电话就是这个一八六，五三七〇，〇二一四？")]
    [InlineData("我们村从昨晚起就没水了。", "回访电话就打来电这个一三八，二二零九，七七一六，对吧？")] // 来电这个: the calling line
    [InlineData("我们村从昨晚起就没水了。", "这个电话是您的号码吗，一三三，〇六三二，五五八一？")]
    [InlineData("我要投诉抄表员。", "回复电话就打您现在这个一三九〇四五一二二三六吗？")]
    [InlineData("滞纳金怎么算的？", "按欠费金额每天万分之五，一百块一天五分钱，欠一个月就一块五。")] // a worked example, no arrears
    [InlineData("一百八十吨以内多少钱？", "三块四毛五一吨，三块，四毛，五分。")] // a tariff recited, no arrears
    [InlineData("头一档到多少吨？", "一年里头头一百八十吨，三块四毛五；再往上四块八毛三。")]
    [InlineData("我们这条街咋没水了？", "南湖路30号到60号这一段今天换阀门，下午五点前恢复。")] // a run of house numbers is an area
    [InlineData("好的。", "工单号是零七三五二六四一，零七三五，二六四一。")] // a ticket number said twice is no card number
    [InlineData("我前天就报了漏水，到现在没人来。", "查到了，联系电话一三九〇四五一二二三六，对吗？")] // the caller's own earlier report
    [InlineData("单子派了吗？", "派了，维修的师傅姓王，电话一三六〇四五八二二一九，您跟他约。")] // the fitter's work phone
    [InlineData("滞纳金多少？", "按欠费金额每天万分之五算，三百块的话，一天一毛五。")] // a worked example
    [InlineData("原房主要是还欠着水费呢？", "欠费过户的时候一块交就行。")] // 一块 is 'together', no amount
    public void Own_lines_worked_examples_areas_and_ticket_numbers_disclose_nothing(string customer, string agent)
    {
        var state = Call(('c', 0, 4, customer), ('a', 4.5, 10, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Fact]
    public void The_account_found_by_the_calling_number_is_still_read_out_to_an_unverified_caller()
    {
        // 来电号码 is the caller's own line, but the address read off the account it finds is a disclosure.
        var state = Call(
            ('c', 0, 4, "我家收到个短信说欠水费了，欠多少？"),
            ('a', 4.5, 12, "我看一下您这个来电号码，绑定的是道里区安丰街12号2单元601。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.Disclosure));
        // The calling number itself read back is no disclosure.
        var own = Call(
            ('c', 0, 4, "我家水表井冒水了。"),
            ('a', 4.5, 9, "回访就打您这个来电号码13904511234可以吧？")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(own.Events(DialogueEvent.Disclosure));
        // Put as a question (是这家吧？) it is still told, not asked back: the caller never said it. A numbered street too.
        var asked = Call(
            ('c', 0, 4, "我家院里水管子冒水了。"),
            ('a', 4.5, 12, "我看一下您这个来电号码，地址是新民小区经3路18号，是这家吧？")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(asked.Events(DialogueEvent.Disclosure));
    }

    [Fact]
    public void A_worked_example_of_a_late_fee_tells_nobody_their_arrears()
    {
        var state = Call(
            ('c', 0, 4, "滞纳金是怎么算的？"),
            ('a', 4.5, 10, "按每天万分之五，比方说欠二百块，一天就是一毛钱。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Theory]
    [InlineData("您那笔钱交到别的户号上去了，所以这个户还欠一百零二块。", false)] // back to the caller's own account
    [InlineData("您那笔钱交到别的户号上去了，那户欠一百零二块。", true)] // the other account's arrears
    [InlineData("您登记在和平路那户，两期水费还没交，一共一百四十七块。", false)] // the caller's own household
    public void After_another_account_is_named_this_account_is_the_callers_own_again(string agent, bool disclosed) =>
        Assert.Equal(disclosed, Discloses(
            ('a', 0, 3, "请报一下户号和户主姓名。"), ('c', 3.5, 7, "户号3051277，户主是我，林秀英。"), ('a', 7.5, 10, "林秀英，核对上了。"),
            ('a', 10.5, 16, agent)));

    [Theory]
    [InlineData("户主的名字跟您说的对不上，您再想想？", false)] // the name faulted: the account number stands, the right name verifies
    [InlineData("户号跟名字都对不上，您再核对一下？", true)] // the number faulted too: it has to be given again
    public void A_mismatch_of_the_name_alone_keeps_the_account_number_given(string mismatch, bool disclosed) =>
        Assert.Equal(disclosed, Discloses(
            ('c', 0, 4, "我问问欠了多少，户号六二零八，三三一五，我叫周玉兰。"), ('a', 4.5, 8, mismatch),
            ('c', 8.5, 12, "哦，开户写的是我家老头，孙德海。"), ('a', 12.5, 15, "孙德海，对上了。"), ('a', 15.5, 19, "这户欠了两期，九十八块四。")));

    [Theory]
    [InlineData("水费我交重了，二百零八块交了两回。", false)] // the amount the caller said, repeated
    [InlineData("水费我好像交重了，能退吗？", true)] // the amount told to an unverified caller
    public void An_amount_the_caller_said_first_is_not_told_to_them(string customer, bool disclosed) =>
        Assert.Equal(disclosed, Discloses(('c', 0, 4, customer), ('a', 4.5, 9, "退费单给您提交了，二百零八块原路退回。")));

    [Theory]
    [InlineData("我才欠了九十六块，滞纳金就收了好几块。", false)] // the caller's own figure asked back
    [InlineData("我才晚交了一个月，滞纳金就收了好几块。", true)] // the arrears read off the account
    public void The_callers_own_arrears_asked_back_is_neither_told_nor_the_bill_read(string customer, bool read)
    {
        var state = Call(('c', 0, 4, customer), ('a', 4.5, 9, "您是说欠费九十六块，晚了一个月，对吧？")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(read, state.Events(DialogueEvent.Disclosure).Count > 0);
        Assert.Equal(read, state.Events(DialogueEvent.SensitiveUnverified).Count > 0);
    }

    private static bool Discloses(params (char Speaker, double Start, double End, string Text)[] lines) =>
        Call(lines).DialogueState(ShippedDialogueCues.Value).Events(DialogueEvent.Disclosure).Count > 0;

    [Fact]
    public void The_holder_of_a_flat_named_by_its_number_is_another_household()
    {
        // The caller verified for their own account; the agent then reads out the flat upstairs' holder and phone.
        var state = Call(
            ('a', 0, 3, "请报一下户号和户主姓名。"),
            ('c', 3.5, 7, "户号3051277，户主是我，林秀英。"),
            ('a', 7.5, 10, "林秀英，核对上了。"),
            ('c', 10.5, 13, "楼上漏水，我想跟他们说一声。"),
            ('a', 13.5, 19, "七零一户主叫陈国平，登记电话是13902287714。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Contains("他人信息", Assert.Single(state.Events(DialogueEvent.Disclosure)).Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("去年的采暖费还有一千零五十六块没交，开栓前得补上。")]
    [InlineData("这一季的采暖费是两千零二十四，现在还没交。")]
    [InlineData("截至上个月欠水费三百一十二块六，另外滞纳金，嗯，按每天万分之五算。")] // the late-fee rule beside the amount
    [InlineData("一共欠了四百一十二块五，滞纳金按每天万分之五算，现在已经有十九块多了。")] // the rule after the amount owed
    [InlineData("读数是2217，这期水费是二百一十三块六，按这个交就行。")] // this period's bill
    [InlineData("重新算了以后，这一期水费是八十七块五。")]
    [InlineData("按实际读数，水费重新算是一百三十一块一。")]
    public void Arrears_told_to_a_caller_who_only_named_the_relation_are_disclosed(string agent)
    {
        // "I am the holder's son" names no holder: the caller gave an account number and no name.
        var state = Call(
            ('c', 0, 4, "我是户主的儿子，想问问家里欠不欠费。"),
            ('a', 4.5, 6, "您报个户号我看看。"),
            ('c', 6.5, 9, "户号是08304419。"),
            ('a', 9.5, 15, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.Disclosure));
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("查到了，702户主杜卫东，一共欠4180元，已经报停了。", false)] // another household's status: a disclosure, no business done
    [InlineData("行，直接给他家登记报停了。", true)] // done for the neighbour the caller speaks for
    public void Another_households_status_is_no_business_done(string agent, bool sensitive)
    {
        var state = Call(
            ('c', 0, 4, "楼上702是不是报停了？他家老人住院了。"),
            ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(sensitive, state.Events(DialogueEvent.SensitiveUnverified).Any(e => e.Evidence.Contains("报停", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("好的，这个是办理过户。需要带新户主的身份证，不动产权证书的原件和复印件。")] // the procedure explained
    [InlineData("有了户号您再打过来，报上户号和名字，几分钟就办完了。")] // a business for later
    [InlineData("没有户号的话报停暂时给您办不了，怕别人冒名给您办了。")] // what is feared, not done
    public void Explaining_a_business_is_not_doing_it(string agent)
    {
        var state = Call(
            ('c', 0, 4, "我想给老房子报停，再问问过户要带啥。"),
            ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Fact]
    public void A_holder_named_before_a_question_in_the_same_breath_is_named()
    {
        var state = Call(
            ('c', 0, 8, "您好，我妈叫王丽，她是户主，让我帮她问一下，报停了采暖费还是全额扣了，能退吗？户号是R一五，二二零，九九一。"),
            ('a', 8.5, 12, "好的，户号R一五二二零九九一，户主王丽，核对一致。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotNull(state.Identity.VerifiedAt);
    }

    [Fact]
    public void A_holder_who_says_so_after_their_name_is_named()
    {
        var state = Call(
            ('c', 0, 4, "喂，我叫孟庆芳，我就是户主，想把留的手机号换一下。"),
            ('a', 4.5, 7, "好的，请报一下户号。"),
            ('c', 7.5, 10, "二零三，七七四，一五。"),
            ('a', 10.5, 14, "户号二零三七七四一五，户主孟庆芳，对上了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotNull(state.Identity.VerifiedAt);
    }

    [Fact]
    public void Words_about_the_number_name_no_holder()
    {
        var state = Call(
            ('a', 0, 4, "办这个要核对户号和户主姓名，您户号是？"),
            ('c', 4.5, 8, "户号我有，三零二，四四一，八六。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Null(state.Identity.NameGivenAt);
    }

    [Fact]
    public void A_phone_change_asked_as_the_number_left_on_the_account_is_a_phone_change()
    {
        var state = Call(
            ('c', 0, 4, "收短信的那个手机早不用了。"),
            ('a', 4.5, 8, "是要换账户上留的联系电话吧？新号多少？"),
            ('c', 8.5, 11, "一五八，三三零二，七六四一。"),
            ('a', 11.5, 14, "行，已经给您改过来了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("系统里登记的户主是周玉梅，不是周玉兰，可能是您家里人吧，我先给您查查。")]
    [InlineData("户主登记的不是您，是您爱人吧？我先给您查查。")]
    public void A_holder_name_the_agent_says_does_not_match_is_not_given(string mismatch)
    {
        var state = Call(
            ('c', 0, 4, "户号四零七，二二九，一三，户主周玉兰。"),
            ('a', 4.5, 9, mismatch),
            ('c', 9.5, 11, "嗯，是。"),
            ('a', 11.5, 16, "您家上期水费一百零六块四，还没交。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Null(state.Identity.VerifiedAt);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Fact]
    public void An_answer_that_leaves_the_name_to_the_agent_names_nobody()
    {
        var state = Call(
            ('a', 0, 3, "户主叫什么名字？"),
            ('c', 3.5, 7, "姓吴，吴……你那边不是能查到吗？")).DialogueState(ShippedDialogueCues.Value);
        Assert.Null(state.Identity.NameGivenAt);
    }

    [Fact]
    public void A_holder_matched_by_address_after_the_number_was_not_given_leaves_the_number_missing()
    {
        var state = Call(
            ('c', 0, 3, "我想报停暖气。"),
            ('a', 3.5, 6, "报停要户号和户主姓名，您报一下。"),
            ('c', 6.5, 10, "户主是我，郑小军。户号我实在记不得了。"),
            ('a', 10.5, 12, "那您说下地址，我用地址查。"),
            ('c', 12.5, 15, "丰乐苑五栋二单元三零一。"),
            ('a', 15.5, 19, "丰乐苑五栋二单元三零一，户名郑小军，对上了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Null(state.Identity.VerifiedAt);
    }

    [Fact]
    public void An_elderly_holder_answering_to_their_name_on_a_callback_is_verified()
    {
        var state = Call(new SpeechQa.Scoring.Rules.CallMetadata { Direction = "outbound" }, null,
            ('a', 0, 4, "您好，这里是供水服务热线，请问是吴德厚老人家吗？"),
            ('c', 4.5, 6, "是我，你是哪个？")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotNull(state.Identity.VerifiedAt);
    }

    [Fact]
    public void Another_name_on_the_record_faults_the_name_and_keeps_the_number()
    {
        var state = Call(
            ('a', 0, 3, "请报一下户号和户主姓名。"),
            ('c', 3.5, 6, "户号三三零，七一二，五八。户主周海兰。"),
            ('a', 6.5, 10, "系统里登记的是周海林啊，不是周海兰。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotNull(state.Identity.AccountGivenAt);
        Assert.Null(state.Identity.NameGivenAt);
    }

    [Fact]
    public void A_number_said_twice_is_no_card_number()
    {
        var state = Call(
            ('c', 0, 2, "啥？单号多少？"),
            ('a', 2.5, 7, "三四零七七一二九，三四零七七一二九。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Fact]
    public void A_business_said_as_a_condition_is_not_done()
    {
        var state = Call(
            ('c', 0, 4, "我刚搬来，登记的手机还是原房主的。"),
            ('a', 4.5, 9, "您要是已经办了过户，把户号报给我就能改。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("哎呀，这我上哪问去，人家在国外呢。")]
    [InlineData("姓邱，我们都喊他邱老师，全名我记不太清了。")]
    [InlineData("是我公公的户，他叫啥你们电脑里不是都有吗？")]
    [InlineData("就知道姓彭，大家都叫他彭师傅，大名没记住。")]
    public void An_answer_that_does_not_know_the_name_names_nobody(string answer)
    {
        var state = Call(
            ('a', 0, 3, "户主姓名要对上才行，户主叫什么？"),
            ('c', 3.5, 7, answer)).DialogueState(ShippedDialogueCues.Value);
        Assert.Null(state.Identity.NameGivenAt);
    }

    [Fact]
    public void A_phone_left_on_the_account_changed_unverified_is_done_before_verification()
    {
        var state = Call(
            ('c', 0, 4, "我想换一下我家留的那个手机号，那是我妈的旧号。"),
            ('a', 4.5, 6, "户号多少？"),
            ('c', 6.5, 9, "二零六，五五，一八，三七。"),
            ('a', 9.5, 11, "新号码是多少？"),
            ('c', 11.5, 14, "一三五，二二七一，零九八六。"),
            ('a', 14.5, 18, "一三五二二七一零九八六，好的，已经给您改过来了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("今年冬天没人住，暖气想停了。", "行吧，那先给您报停上。")] // 报停上
    [InlineData("水费交重了，能退吗？我叫宋丽，住杏林小区三栋。", "查到了，多的那笔我给您办退费，三个工作日到账。")] // a name and an address prove nothing
    [InlineData("我是租户，房东让我来办报停。", "房东同意就行，我这就给您报停上了。")] // done for the caller, though the landlord is named
    [InlineData("户号二零七，六六一，三九。我家今年不烧暖气了，水费也问一下。", "是要报停吧？那我这边给您确认报停了。")] // the number without the name
    [InlineData("户号二零七，六六一，三九。我家今年不烧暖气了，水费也问一下。", "九到十月两个月，用了四十吨，前二十吨按三块四毛五，剩下的按四块八毛三，合计一百六十五块六。")] // a bill total (合计) before the name
    [InlineData("我家今年想报停，4号楼1单元201，我姓董，董海平。", "查到了，户主董海平，行，给您报停了。")] // a name alone
    public void A_business_put_through_unverified_is_done_before_verification(string customer, string agent)
    {
        var state = Call(
            ('c', 0, 4, customer),
            ('a', 4.5, 9, agent)).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("原来留的手机号停机了，想换个新号码。", "新号多少？", "一八六，五五二零，三一七九。")]
    [InlineData("我家登记的电话还是老的，早不用了。", "那改成哪个？", "改成我这个，139 0517 2284。")]
    public void A_phone_changed_on_an_address_alone_is_changed_before_verification(string ask, string agent, string number)
    {
        var state = Call(
            ('c', 0, 4, ask),
            ('a', 4.5, 6, "您家地址是哪儿？"),
            ('c', 6.5, 9, "和平路十二号院三号楼。"),
            ('a', 9.5, 11, agent),
            ('c', 11.5, 14, number),
            ('a', 14.5, 17, "好的，已经给您改过来了。")).DialogueState(ShippedDialogueCues.Value);
        Assert.NotEmpty(state.Events(DialogueEvent.SensitiveUnverified));
    }

    [Theory]
    [InlineData("吴川梅菉解放路106号二楼，电话尾号是？", false)] // the caller's own pieces, joined in another order
    [InlineData("吴川梅菉解放路108号二楼，电话尾号是？", true)] // a house number the caller never said
    public void An_address_the_caller_gave_in_pieces_is_read_back_in_any_order(string agent, bool disclosed) =>
        Assert.Equal(disclosed, Discloses(
            ('c', 0, 4, "喂，我是吴川的，梅菉那边，今天的水有股怪味。"), ('a', 4.5, 6, "您讲一下地址。"), ('c', 6.5, 10, "梅菉街道解放路一百零六号，二楼。"),
            ('a', 10.5, 14, agent)));

    [Fact]
    public void A_price_per_ton_is_no_amount_owed()
    {
        var state = Call(
            ('c', 0, 4, "听说水涨到四块五了？"),
            ('a', 4.5, 10, "没有涨，第一阶梯还是3.45元一吨，四块多的那个是第二阶梯，四块八毛三。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Theory]
    [InlineData("房东姓孙，叫孙……孙么来着，我手机里就存了个孙姐。", true)] // a surname and a forgotten name: not verified
    [InlineData("户主叫孙丽华。", false)]
    public void A_holder_name_the_caller_cannot_remember_is_not_given(string answer, bool disclosed)
    {
        var state = Call(
            ('c', 0, 4, "我是租房子的，想问问这户欠多少水费。"),
            ('a', 4.5, 6, "户号您知道吗？"),
            ('c', 6.5, 9, "户号是03620045。"),
            ('a', 9.5, 11, "户主姓名您知道吗？"),
            ('c', 11.5, 15, answer),
            ('a', 15.5, 20, "这户从五月到现在一直没交，一共欠了六百一十二块四。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Equal(disclosed, state.Events(DialogueEvent.Disclosure).Count > 0);
    }

    [Fact]
    public void A_phone_the_caller_corrected_while_giving_it_is_read_back_not_disclosed()
    {
        var state = Call(
            ('c', 0, 4, "水表井冒水了，你们来看看。"),
            ('a', 4.5, 6, "留个联系电话。"),
            ('c', 6.5, 10, "一三九，五三二零，嗯不对不对，五三二一，八八六四。"),
            ('a', 10.5, 14, "我给您念一遍，13953218864，对吗？")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Fact]
    public void Another_companys_number_after_a_comma_is_no_personal_data()
    {
        var state = Call(
            ('c', 0, 4, "迁西那套房子的暖气费也能在你们这交吗？"),
            ('a', 4.5, 10, "迁西那套不归我们供热，那边有当地的热力公司，电话是0315-5612345，您找他们交。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }

    [Fact]
    public void A_two_digit_address_whose_words_the_caller_said_in_another_order_is_theirs()
    {
        var state = Call(
            ('c', 0, 4, "市南区，大鲍岛那片，就是海泊路二十一号，那个老院儿，二楼。"),
            ('a', 4.5, 8, "海泊路21号院二楼，对吗？再留个电话。")).DialogueState(ShippedDialogueCues.Value);
        Assert.Empty(state.Events(DialogueEvent.Disclosure));
    }
}
