using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The check behind `rules check --sample`: a screened pattern (a long alternation) whose literal screen lets a large
/// share of real sentences through is reported with its position and the common literals responsible; selective
/// screens, short patterns and exclusions are not.
/// </summary>
public sealed class ScreenPassCheckTests
{
    /// <summary>Enough plain, rare phrases to be screened, plus the branch under test.</summary>
    private static string Screened(string branch) =>
        string.Join('|', Enumerable.Range(0, ScreenedRegex.MinLiteralsToScreen).Select(i => $"催{(char)('甲' + i)}办")) + "|" + branch;

    private static readonly string[] Sentences =
    [
        "就是水表不走了", "我就是想问问", "您好请讲", "那就是说明天来", "好的谢谢", "我家停水了", "催甲办一下", "嗯", "对", "再见",
    ];

    private static IReadOnlyList<RuleFileWarning> CheckFile(string yaml, double maxShare = ScreenPassCheck.DefaultMaxShare)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-screen-");
        try
        {
            var rules = Path.Combine(folder.FullName, "rulesets");
            Directory.CreateDirectory(rules);
            File.WriteAllText(Path.Combine(rules, "screens.yaml"), yaml);
            return ScreenPassCheck.Check(folder.FullName, Sentences, maxShare);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_common_word_branch_is_reported_with_its_share_and_position()
    {
        var warning = Assert.Single(CheckFile($"id: s\nrules:\n  - id: N11\n    pattern: '{Screened("就是")}'\n"));

        Assert.Equal((4, 14), (warning.Line, warning.Column));
        Assert.Contains("40.0 %", warning.Message, StringComparison.Ordinal); // four of ten sentences: three with 就是, one with 催甲办
        Assert.Contains("就是 30.0 %", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selective_screen_is_not_reported() => // one sentence in ten (催甲办) passes: the threshold, not above it
        Assert.Empty(CheckFile($"id: s\nrules:\n  - id: N11\n    pattern: '{Screened("就是说后天")}'\n"));

    [Fact]
    public void The_threshold_decides() =>
        Assert.Empty(CheckFile($"id: s\nrules:\n  - id: N11\n    pattern: '{Screened("就是")}'\n", maxShare: 0.5));

    [Fact]
    public void Exclusions_and_short_patterns_are_not_checked() =>
        Assert.Empty(CheckFile($"id: s\nrules:\n  - id: N11\n    pattern: '就是|好的'\n    exclude: '{Screened("就是")}'\n"));
}
