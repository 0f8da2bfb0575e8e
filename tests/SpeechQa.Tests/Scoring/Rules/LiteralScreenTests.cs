using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The rule set's shared literal screen only says which patterns cannot match: with it, every pattern matches exactly as
/// its regex does — literals that overlap, end inside one another or share a prefix are all found.
/// </summary>
public sealed class LiteralScreenTests
{
    private static readonly string[] NestedPatterns = ["家欠费", "欠费(了|啦)", "他家", "欠水费|交水费", "水费单", "欠费"];

    private static readonly string[] Sentences = ["他家欠费了", "我家欠费啦", "交欠费了吗", "他说要交水费单", "欠水费", "水费", "家", "您好请讲", "他家欠费"];

    [Fact]
    public void Overlapping_and_nested_literals_are_all_found()
    {
        var patterns = NestedPatterns.Select(p => new ScreenedRegex(p, TimeSpan.FromSeconds(1))).ToList();
        LiteralScreen.Attach(patterns);
        Assert.All(patterns, p => Assert.True(p.IsShared));
        foreach (var sentence in Sentences)
        {
            foreach (var pattern in patterns)
                Assert.True(pattern.IsMatch(sentence) == pattern.Regex.IsMatch(sentence), $"{pattern} on {sentence}");
        }
        // 交欠费了 finds 欠费 through the failure link from 交 (no literal starts with 交欠).
        Assert.True(patterns[1].IsMatch("交欠费了吗"));
        Assert.Equal("他家", patterns[2].Match("我说他家欠费了").Value);
        // 欠费 ends inside 家欠费: found through the failure link's output, not only where a literal of its own ends.
        Assert.True(patterns[5].IsMatch("他家欠费"));
    }

    [Fact]
    public void A_pattern_already_in_a_screen_keeps_it()
    {
        var shared = new ScreenedRegex("欠费", TimeSpan.FromSeconds(1));
        LiteralScreen.Attach([shared]);
        var other = new ScreenedRegex("水费", TimeSpan.FromSeconds(1));
        LiteralScreen.Attach([shared, other]);
        Assert.True(shared.IsMatch("您家欠费了"));
        Assert.True(other.IsMatch("水费多少"));
        Assert.False(other.IsMatch("您家欠费了"));
    }

    [Fact]
    public void Every_pattern_of_the_shipped_rule_sets_matches_as_its_regex_does()
    {
        var sets = Directory.GetFiles(Path.Combine(TestPaths.Repository, "rules/rulesets"), "*.yaml").Select(RuleSetLoader.Load).ToList();
        var patterns = sets.SelectMany(s => s.Patterns).Distinct().ToList();
        Assert.True(patterns.Count(p => p.IsShared) >= 100, $"only {patterns.Count(p => p.IsShared)} patterns share a screen");
        // Twenty dev sets' sentences: every author's wording differs, and the check stays a few seconds.
        var sentences = EvaluationSet.LoadIndex(Path.Combine(TestPaths.Repository, "tests/eval/sets.csv"))
            .Where(s => s.Split == EvaluationSplit.Dev).Take(20)
            .SelectMany(s => s.Calls).SelectMany(c => c.Transcript.Segments).Select(s => s.Text).ToList();
        var problems = new List<string>();
        foreach (var sentence in sentences)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(sentence) != pattern.Regex.IsMatch(sentence))
                    problems.Add($"{pattern.ToString()[..Math.Min(40, pattern.ToString().Length)]}… on {sentence}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
