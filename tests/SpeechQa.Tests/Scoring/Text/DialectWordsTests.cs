using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Text;

/// <summary>The shipped dialect table puts regional words into standard Mandarin for the rules, and leaves words that only contain them alone.</summary>
public sealed class DialectWordsTests
{
    private static readonly Lazy<CallJudge> Judge = new(() => CallJudge.ForRulesFolder(RulesFolder));

    [Theory]
    [InlineData("那师傅甚时候能过来", "那师傅啥时候能过来")]
    [InlineData("额们这栋楼都没水", "我们这栋楼都没水")]
    [InlineData("你啷个还不派人来", "你怎么还不派人来")]
    [InlineData("侬户号报一下", "你户号报一下")]
    [InlineData("你先回家候着，师傅会来", "你先回家等着，师傅会来")]
    [InlineData("师傅出门前给你摇个电话", "师傅出门前给你打个电话")]
    public void Regional_words_become_standard_at_the_same_length(string said, string standard)
    {
        var read = Judge.Value.Dialect!.Standardise(said);
        Assert.Equal(standard, read);
        Assert.Equal(said.Length, read.Length);
    }

    [Theory]
    [InlineData("这个月金额不对")]       // 额 inside 金额
    [InlineData("换表名额已经满了")]     // 额 inside 名额
    [InlineData("甚至连一滴水都没有")]   // 甚 inside 甚至
    [InlineData("户号是三七五二")]       // nothing regional
    public void Words_that_only_contain_a_regional_character_are_left_alone(string text) =>
        Assert.Same(text, Judge.Value.Dialect!.Standardise(text));

    [Theory]
    [InlineData("甚\t什么", "same length")]
    [InlineData("甚 啥", "expected 'regional<TAB>standard'")]
    [InlineData("甚\t啥\n甚\t啥", "listed twice")]
    public void A_broken_table_line_is_an_error_naming_file_and_line(string table, string message)
    {
        using var folder = new TempManifestFolder();
        var path = folder.Write("dialect.txt", "# comment\n" + table + "\n");
        var error = Assert.Throws<FormatException>(() => DialectWords.Load(path, Words));
        Assert.Contains(message, error.Message);
        Assert.Contains(path + ":" + (table.Contains('\n') ? 3 : 2), error.Message);
    }

    [Fact]
    public void The_rules_read_the_standard_words_and_the_evidence_points_into_the_call_as_said()
    {
        var transcript = new Transcript("D1", "zh", "imported",
        [
            new TranscriptSegment(Speaker.Agent, 0, 3, "您好，供水热线，请问有什么可以帮您？"),
            new TranscriptSegment(Speaker.Customer, 3, 8, "额们院里水管子冻裂了，往外冒水。"),
            new TranscriptSegment(Speaker.Agent, 8, 12, "好的，我这就给您派维修师傅过去。"),
            new TranscriptSegment(Speaker.Customer, 12, 15, "那甚时候能到？"),
        ]);
        var metadata = new CallMetadata { Direction = "inbound" };
        var standard = Judge.Value.ExplainDialogue("water-hotline", transcript, metadata)!;
        var asIs = Judge.Value.WithoutDialectWords().ExplainDialogue("water-hotline", transcript, metadata)!;
        Assert.Contains(standard.Events(DialogueEvent.AsksWhen), m => m.Sentence == 3);
        Assert.DoesNotContain(asIs.Events(DialogueEvent.AsksWhen), m => m.Sentence == 3);
    }
}
