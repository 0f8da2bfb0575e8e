using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;
using Xunit.Abstractions;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Text;

/// <summary>The shipped pinyin table and vocabulary put back misheard hotline words and leave real words alone.</summary>
public sealed class HomophoneCorrectorTests(ITestOutputHelper output)
{
    private static readonly Lazy<HomophoneCorrector> Shipped = new(() => CallJudge.ForRulesFolder(RulesFolder).Homophones!);

    [Theory]
    [InlineData("超过一百八十吨就按第二接替算", "超过一百八十吨就按第二阶梯算")]
    [InlineData("您的互号是多少", "您的户号是多少")]
    [InlineData("这个接替水价是按年算的", "这个阶梯水价是按年算的")]
    [InlineData("公单号是二三五七", "工单号是二三五七")]
    [InlineData("一个公作日内上门", "一个工作日内上门")]
    public void Misheard_domain_words_are_put_back_at_the_same_length(string heard, string meant)
    {
        var corrected = Shipped.Value.Correct(heard);
        Assert.Equal(meant, corrected);
        Assert.Equal(heard.Length, corrected.Length);
    }

    [Theory]
    [InlineData("您看这样合适吗")]          // 合适 sounds like 核实 but is a word of its own
    [InlineData("这点小事您别着急")]        // 小事 / 小时
    [InlineData("我们住户住在三楼")]        // 户住 only across two words (住户 + 住在), never 户主
    [InlineData("工单号已经发到您手机上了")] // already right
    [InlineData("Hello 123")]
    public void Real_words_and_text_that_only_sounds_alike_across_words_are_left_alone(string text) =>
        Assert.Same(text, Shipped.Value.Correct(text));

    [Fact]
    public void The_clean_labelled_calls_are_almost_untouched()
    {
        // On clean text every correction is either a typo or a false correction: print them, bound them.
        var sets = EvaluationSet.LoadIndex(Path.Combine(TestPaths.Repository, "tests/eval/sets.csv")).Where(s => s.Split == EvaluationSplit.Dev);
        var changed = 0;
        var sentences = 0;
        foreach (var call in sets.SelectMany(s => s.Calls))
        {
            foreach (var segment in call.Transcript.Segments)
            {
                sentences++;
                var corrected = Shipped.Value.Correct(segment.Text);
                if (!ReferenceEquals(corrected, segment.Text))
                {
                    changed++;
                    output.WriteLine($"{call.CallId}: {segment.Text} → {corrected}");
                }
            }
        }
        output.WriteLine($"{changed} of {sentences} dev sentences changed");
        Assert.True(sentences > 4000);
        Assert.True(changed <= sentences / 500, $"{changed} of {sentences} clean sentences changed");
    }

    [Fact]
    public void A_broken_pinyin_line_is_named_with_its_line_number()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# comment\n阶\tjie\n梯 ti\n");
            var error = Assert.Throws<FormatException>(() => HomophoneCorrector.Load(file, [], Words));
            Assert.Contains(":3:", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
