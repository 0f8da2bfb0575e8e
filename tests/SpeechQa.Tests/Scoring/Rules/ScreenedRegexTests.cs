using SpeechQa.Scoring.Evaluation;
using SpeechQa.Scoring.Rules;
using SpeechQa.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// The screen must never hide a match: every match of every shipped pattern, on every sentence of the dev calls, contains
/// one of the literals read from it, and screened and plain matching agree.
/// </summary>
public sealed class ScreenedRegexTests
{
    private static readonly string[] PatternKeys = ["pattern", "exclude", "cue", "context", "claims", "right", "new_issue_cue", "ticket_cue"];

    [Fact]
    public void Every_match_of_every_shipped_pattern_contains_one_of_its_literals()
    {
        var patterns = ShippedPatterns().ToList();
        Assert.True(patterns.Count >= 80, $"expected the rule files' patterns, found {patterns.Count}");
        var sentences = EvaluationSet.LoadIndex(Path.Combine(TestPaths.Repository, "tests/eval/sets.csv"))
            .Where(s => s.Split == EvaluationSplit.Dev)
            .SelectMany(s => s.Calls).SelectMany(c => c.Transcript.Segments).Select(s => s.Text)
            .ToList();
        Assert.True(sentences.Count > 10_000, $"expected the dev calls' sentences, found {sentences.Count}");

        var problems = new List<string>();
        var (screened, branchScreened) = (0, 0);
        foreach (var (where, text) in patterns)
        {
            var pattern = new ScreenedRegex(text, TimeSpan.FromSeconds(1));
            screened += pattern.IsScreened ? 1 : 0;
            branchScreened += pattern.IsBranchScreened ? 1 : 0;
            foreach (var sentence in sentences)
            {
                var plain = pattern.Regex.Match(sentence);
                if (pattern.IsMatch(sentence) != plain.Success)
                    problems.Add($"{where}: screened and plain disagree on {sentence}");
                // Read branch by branch, the first match and the ones after it are the plain regex's own.
                if (plain.Success && !SameMatches(plain, pattern.Match(sentence)))
                    problems.Add($"{where}: screened and plain give different matches in {sentence}");
                for (var m = plain; m.Success && pattern.Literals.Count > 0; m = m.NextMatch())
                {
                    if (!pattern.Literals.Any(l => m.Value.Contains(l, StringComparison.Ordinal)))
                        problems.Add($"{where}: match '{m.Value}' contains none of its literals");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(20)));
        // The long alternations (N11 impatience, the customer_upset cue, F04 shirking…) really are screened, and read
        // branch by branch.
        Assert.True(screened >= 4, $"only {screened} patterns screened");
        Assert.True(branchScreened >= 10, $"only {branchScreened} patterns read branch by branch");
    }

    private static bool SameMatches(System.Text.RegularExpressions.Match plain, System.Text.RegularExpressions.Match screened)
    {
        for (; plain.Success || screened.Success; plain = plain.NextMatch(), screened = screened.NextMatch())
        {
            if (plain.Success != screened.Success || plain.Index != screened.Index || plain.Length != screened.Length)
                return false;
        }
        return true;
    }

    [Fact]
    public void A_long_alternation_read_branch_by_branch_matches_where_and_what_the_whole_pattern_does()
    {
        // Twelve filler branches make it long enough; the others test what splitting must keep:
        // the earlier branch wins at the same place (投诉 before 投诉热线), a later branch that matches earlier in the text
        // wins (热线电话 starts before 投诉), a lookbehind still sees the text before where matching restarts, ^ still
        // means the start of the text, and a backreference stays with its group.
        var branches = Enumerable.Range(0, BranchScreen.MinBranches).Select(i => $"填充{i}号")
            .Concat(["投诉", "投诉热线", "热线电话", "(?<=自己)[^，。]{0,4}修", "^喂", "(?<x>停一下)，\\k<x>"]);
        var pattern = new ScreenedRegex(string.Join('|', branches), TimeSpan.FromSeconds(1));
        Assert.True(pattern.IsBranchScreened);
        foreach (var text in new[] { "我要投诉热线的人", "打热线电话投诉", "您自己找人修一下", "喂，喂？", "我说喂", "停一下，停一下", "停一下，停两下", "什么都没有", "填充3号和投诉" })
        {
            Assert.True(SameMatches(pattern.Regex.Match(text), pattern.Match(text)), text);
            Assert.Equal(pattern.Regex.IsMatch(text), pattern.IsMatch(text));
            Assert.Equal(pattern.Regex.IsMatch(text), pattern.IsMatch(text.AsSpan()));
            Assert.Equal(pattern.Regex.Matches(text).Select(m => (m.Index, m.Value)), pattern.Matches(text).Select(m => (m.Index, m.Value)));
        }
        Assert.Equal("投诉", pattern.Match("我要投诉热线的人").Value);
        Assert.Equal("热线电话", pattern.Match("打热线电话投诉").Value);
        Assert.False(pattern.Match("我说喂").Success);
    }

    [Theory]
    [InlineData("(?<x>停)\\k<x>|走", true)] // the group and its backreference in one branch
    [InlineData("(?<x>停)一下|走\\k<x>", false)] // a backreference to another branch's group
    [InlineData("投诉|[^，]{2}", false)] // a branch that requires no literal
    public void A_pattern_is_split_into_branches_only_where_each_branch_means_alone_what_it_means_in_the_whole(string pattern, bool split) =>
        Assert.Equal(split, RequiredLiterals.OfBranches(pattern) is not null);

    [Fact]
    public void A_screened_pattern_matches_as_its_regex_does()
    {
        var alternation = string.Join('|', Enumerable.Range(0, ScreenedRegex.MinLiteralsToScreen).Select(i => $"投诉{i}号"));
        var pattern = new ScreenedRegex(alternation, TimeSpan.FromSeconds(1));
        Assert.True(pattern.IsScreened);
        Assert.False(pattern.Match("我要说的是水压").Success);
        Assert.Equal("投诉12号", pattern.Match("我要投诉12号窗口").Value);
        // Within a slice the slice is the whole input: a match running past it is not seen.
        Assert.False(pattern.Match("投诉12号", 0, 4).Success);
        Assert.Equal("投诉3号", pattern.Match("投诉12号投诉3号", 5, 4).Value);
        Assert.True(pattern.IsMatch("再投诉299号".AsSpan()));
        Assert.Single(pattern.Matches("投诉1号不是投诉"));
    }

    private static IEnumerable<(string Where, string Pattern)> ShippedPatterns()
    {
        var rules = Path.Combine(TestPaths.Repository, "rules");
        foreach (var file in Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file))
                yaml.Load(reader);
            foreach (var found in Scalars(yaml.Documents[0].RootNode, Path.GetRelativePath(rules, file)))
                yield return found;
        }
    }

    private static IEnumerable<(string, string)> Scalars(YamlNode node, string where)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    if (PatternKeys.Contains(name) && value is YamlScalarNode { Value: { } text })
                        yield return ($"{where}/{name}", text);
                    else
                        foreach (var inner in Scalars(value, $"{where}/{name}"))
                            yield return inner;
                }
                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                    foreach (var inner in Scalars(item, where))
                        yield return inner;
                break;
        }
    }
}
