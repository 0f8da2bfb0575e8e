using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>Every condition operator with a case where it holds and one where it must not.</summary>
public sealed class OperatorTests
{
    private static bool Fires(RuleSet set, CallView call) => Run(set, call).Count > 0;

    [Fact]
    public void Keywords_any_on_one_speaker()
    {
        var set = OneRule("keywords: { any: [不归我们管, 找物业] }\nspeaker: agent");
        Assert.True(Fires(set, Call(('c', 0, 2, "水压低"), ('a', 2, 5, "这个不归我们管"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "您好"), ('c', 2, 5, "物业说不归我们管"))));
    }

    [Fact]
    public void Keywords_all_in_one_sentence_or_across_the_range()
    {
        var inSentence = OneRule("keywords: { all: [户号, 户主] }\nspeaker: agent");
        var across = OneRule("keywords: { all: [户号, 户主], across: true }\nspeaker: agent");
        var split = Call(('a', 0, 2, "请提供户号"), ('a', 3, 5, "户主姓名是？"));
        Assert.False(Fires(inSentence, split));
        Assert.True(Fires(across, split));
        Assert.True(Fires(inSentence, Call(('a', 0, 2, "请提供户号和户主姓名"))));
    }

    [Fact]
    public void Keywords_at_least_n_and_none()
    {
        var atLeast = OneRule("keywords: { at_least: 2, of: [停水, 水压, 漏水] }");
        Assert.True(Fires(atLeast, Call(('c', 0, 2, "又停水了水压也低"))));
        Assert.False(Fires(atLeast, Call(('c', 0, 2, "又停水了"))));
        var none = OneRule("keywords: { none: [再见, 感谢来电] }\nspeaker: agent\nlast_seconds: 30");
        Assert.True(Fires(none, Call(('a', 0, 2, "嗯，就这样"))));
        Assert.False(Fires(none, Call(('a', 0, 2, "感谢来电，再见"))));
    }

    [Fact]
    public void Keywords_synonyms_and_words_mode()
    {
        var synonyms = OneRule("keywords: { any: [投诉], synonyms: { 投诉: [举报, 曝光] } }");
        Assert.True(Fires(synonyms, Call(('c', 0, 2, "我要去曝光你们"))));
        var words = OneRule("keywords: { any: [水表], on: words }");
        Assert.True(Fires(words, Call(('c', 0, 2, "我家水表坏了"))));
        Assert.False(Fires(words, Call(('c', 0, 2, "水表井里全是水")))); // 水表井 is one word
        Assert.True(Fires(OneRule("keywords: { any: [水表] }"), Call(('c', 0, 2, "水表井里全是水"))));
    }

    [Fact]
    public void Keywords_guards_exclusion_negation_and_quotes()
    {
        var promise = OneRule("keywords: { any: [保证], negated_by: [不能, 无法], exclude: [没问题吧] }\nspeaker: agent");
        Assert.True(Fires(promise, Call(('a', 0, 2, "我保证今天修好"))));
        Assert.False(Fires(promise, Call(('a', 0, 2, "这个我不能保证"))));
        Assert.False(Fires(promise, Call(('a', 0, 2, "我无法给您保证"))));
        var abuse = OneRule("keywords: { any: [活该], quote_guard: true }\nspeaker: agent");
        Assert.True(Fires(abuse, Call(('a', 0, 2, "那你活该"))));
        Assert.False(Fires(abuse, Call(('a', 0, 2, "您是说他说您活该，对吗"))));
        Assert.False(Fires(abuse, Call(('a', 0, 2, "您反映师傅说了“活该”两个字"))));
        // Someone else telling the caller is a quote; the agent telling the caller is not.
        Assert.False(Fires(abuse, Call(('a', 0, 2, "工作人员跟您说活该，这话确实不应该"))));
        Assert.True(Fires(abuse, Call(('a', 0, 2, "我跟您说，活该"))));
    }

    [Fact]
    public void Regex_with_exclusion()
    {
        var set = OneRule("regex: { pattern: '已经.{0,4}(改好|办好)', exclude: '核实' }\nspeaker: agent");
        Assert.True(Fires(set, Call(('a', 0, 2, "已经给您改好了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "核实后已经给您改好了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "马上给您改"))));
    }

    [Fact]
    public void Entities_unmasked_only()
    {
        var set = OneRule("entity: { types: [phone, id_card] }\nspeaker: agent");
        Assert.True(Fires(set, Call(('a', 0, 2, "他的电话是13812345678"))));
        Assert.True(Fires(set, Call(('a', 0, 2, "身份证号130602198803151234"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "尾号5678的号码"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "138****5678"))));
    }

    [Fact]
    public void Entities_the_customer_said_first_are_a_read_back_when_asked()
    {
        var set = OneRule("entity: { types: [phone, address], except_repeating: true }\nspeaker: agent");
        Assert.False(Fires(set, Call(('c', 0, 2, "电话是138 1234 5678"), ('a', 2, 4, "跟您确认一下，13812345678对吗"))));
        Assert.False(Fires(set, Call(('c', 0, 2, "我住滨河东路锦华苑7号楼2单元601"), ('a', 2, 4, "地址是锦华苑7号楼2单元601对吧"))));
        Assert.True(Fires(set, Call(('c', 0, 2, "我楼上那户的电话是多少"), ('a', 2, 4, "他家登记的是13912345678"))));
        Assert.True(Fires(set, Call(('a', 0, 2, "电话是13812345678"), ('a', 2, 4, "再说一遍，13812345678"))));
    }

    [Fact]
    public void Similarity_to_examples()
    {
        var set = OneRule("similar: { examples: [这个问题我们处理不了], threshold: 0.6 }");
        Assert.True(Fires(set, Call(('a', 0, 2, "这个问题我们这边处理不了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "我马上给您派单处理"))));
    }

    [Fact]
    public void Repeated_content()
    {
        var set = OneRule("repeat: { within: 3, similarity: 0.8 }\nspeaker: agent");
        Assert.True(Fires(set, Call(('a', 0, 2, "多退少补多退少补"), ('c', 2, 3, "啊？"), ('a', 3, 5, "多退少补，多退少补"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "请提供您的户号"), ('a', 3, 5, "请问还有其他问题吗"))));
    }

    [Fact]
    public void Silence_with_apology_exceptions()
    {
        var set = OneRule("silence: { min_seconds: 5, except_before: [请稍等], except_after: [久等了] }");
        Assert.True(Fires(set, Call(('a', 0, 2, "我查一下"), ('a', 8, 10, "查到了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "请稍等"), ('a', 9, 10, "查到了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "我查一下"), ('a', 9, 10, "让您久等了"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "我查一下"), ('a', 6, 10, "查到了")))); // 4 s
        var audio = new MeasuredAudio(20, [(3.0, 9.5)], [], []);
        Assert.True(Fires(set, Call(new CallMetadata(), audio, ('a', 0, 3, "我查一下"), ('a', 9.5, 12, "查到了"))));
    }

    [Fact]
    public void Interruption_by_the_agent_only()
    {
        var set = OneRule("interruption: { min_overlap_seconds: 1.0, by: agent }");
        Assert.True(Fires(set, Call(('c', 0, 5, "我跟你说我家这个水"), ('a', 3.5, 6, "你听我说"))));
        Assert.False(Fires(set, Call(('c', 0, 5, "我跟你说我家这个水"), ('a', 4.6, 6, "好的"))));
        Assert.False(Fires(set, Call(('a', 0, 5, "您好供水热线"), ('c', 2, 6, "我家停水了"))));
        var audio = new MeasuredAudio(10, [], [(2.0, 3.5, Speaker.Agent)], []);
        Assert.True(Fires(set, Call(new CallMetadata(), audio, ('c', 0, 4, "水"), ('a', 2, 5, "喂"))));
    }

    [Fact]
    public void Speech_rate_skips_short_sentences()
    {
        var set = OneRule("speech_rate: { max_chars_per_minute: 280, min_sentence_chars: 8 }\nspeaker: agent");
        Assert.True(Fires(set, Call(('a', 0, 3, "您好供水服务热线工号一零一七请问有什么可以帮您"))));   // 22 chars in 3 s = 440/min
        Assert.False(Fires(set, Call(('a', 0, 6, "您好供水服务热线工号一零一七请问有什么可以帮您"))));   // 220/min
        Assert.False(Fires(set, Call(('a', 0, 0.5, "好的好的"), ('a', 1, 7, "您好供水服务热线工号一零一七请问有什么可以帮您"))));
    }

    [Fact]
    public void Loudness_needs_audio()
    {
        var set = OneRule("loudness: { min_db_above_median: 10 }\nspeaker: agent");
        var loud = new MeasuredAudio(10, [], [], [(0.0, 3.0, Speaker.Agent, 12.5)]);
        var calm = new MeasuredAudio(10, [], [], [(0.0, 3.0, Speaker.Agent, 2.0)]);
        Assert.True(Fires(set, Call(new CallMetadata(), loud, ('a', 0, 3, "你到底要办什么"))));
        Assert.False(Fires(set, Call(new CallMetadata(), calm, ('a', 0, 3, "你到底要办什么"))));
        Assert.False(Fires(set, Call(('a', 0, 3, "你到底要办什么"))));
    }

    [Fact]
    public void Metadata_values_and_ranges()
    {
        var set = OneRule("metadata: { field: hangup_by, in: [agent] }");
        Assert.True(Fires(set, Call(new CallMetadata { HangupBy = "agent" }, null, ('a', 0, 1, "嗯"))));
        Assert.False(Fires(set, Call(new CallMetadata { HangupBy = "customer" }, null, ('a', 0, 1, "嗯"))));
        var longCall = OneRule("metadata: { field: duration, min: 600 }");
        Assert.True(Fires(longCall, Call(new CallMetadata { DurationSeconds = 700 }, null, ('a', 0, 1, "嗯"))));
        Assert.False(Fires(longCall, Call(new CallMetadata { DurationSeconds = 100 }, null, ('a', 0, 1, "嗯"))));
    }

    [Fact]
    public void Classifier_labels_when_present()
    {
        var set = OneRule("classifier: { label: shirking, min_p: 0.8 }\nspeaker: agent");
        var call = Call(('a', 0, 2, "找物业去"));
        Assert.False(Fires(set, call)); // no classifier ran
        var labelled = new CallView(new Transcript("T", "zh", "imported", call.Sentences), new CallMetadata(), null, Words)
        {
            SentenceLabels = [new Dictionary<string, double> { ["shirking"] = 0.93 }],
        };
        Assert.True(Fires(set, labelled));
    }

    [Fact]
    public void Short_sentences_need_the_higher_probability()
    {
        var set = OneRule("classifier: { label: rude, min_p: 0.6, short_chars: 15, short_min_p: 0.7 }\nspeaker: agent");
        CallView Labelled(string text, double p) => new(new Transcript("T", "zh", "imported", Call(('a', 0, 2, text)).Sentences), new CallMetadata(), null, Words)
        {
            SentenceLabels = [new Dictionary<string, double> { ["rude"] = p }],
        };
        Assert.False(Fires(set, Labelled("您家住哪？", 0.65)));
        Assert.True(Fires(set, Labelled("您家住哪？", 0.72)));
        Assert.True(Fires(set, Labelled("您这一天打四回电话，可真够有空的啊。", 0.65)));
        Assert.False(Fires(set, Labelled("您这一天打四回电话，可真够有空的啊。", 0.55)));
    }

    [Fact]
    public void Anchors_keep_matches_near_another_condition()
    {
        var set = RuleSetOf("""
              - id: X1
                name: 推诿
                severity: fatal
                conditions:
                  shirk: { keywords: { any: [不归我们管] }, speaker: agent }
                  handover:
                    keywords: { any: [转接] }
                    speaker: agent
                    anchor: { condition: shirk, position: after, within: 2 }
                when: shirk && !handover
            """);
        Assert.True(Fires(set, Call(('a', 0, 2, "不归我们管"), ('c', 2, 3, "那怎么办"))));
        Assert.False(Fires(set, Call(('a', 0, 2, "不归我们管"), ('a', 2, 3, "我给您转接过去"))));
        Assert.True(Fires(set, Call(('a', 0, 1, "我给您转接"), ('c', 1, 2, "好"), ('a', 2, 3, "不归我们管")))); // transfer before does not count
    }
}
