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
        var screened = 0;
        foreach (var (where, text) in patterns)
        {
            var pattern = new ScreenedRegex(text, TimeSpan.FromSeconds(1));
            screened += pattern.IsScreened ? 1 : 0;
            foreach (var sentence in sentences)
            {
                var plain = pattern.Regex.Match(sentence);
                if (pattern.IsMatch(sentence) != plain.Success)
                    problems.Add($"{where}: screened and plain disagree on {sentence}");
                for (var m = plain; m.Success && pattern.Literals.Count > 0; m = m.NextMatch())
                {
                    if (!pattern.Literals.Any(l => m.Value.Contains(l, StringComparison.Ordinal)))
                        problems.Add($"{where}: match '{m.Value}' contains none of its literals");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(20)));
        // The long alternations (N11 impatience, the customer_upset cue, F04 shirking…) really are screened.
        Assert.True(screened >= 4, $"only {screened} patterns screened");
    }

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
