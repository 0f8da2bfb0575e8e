using System.Text.RegularExpressions;
using SpeechQa.Scoring.Evaluation;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Rules;

/// <summary>
/// Rules must not be tuned on the test sets: no rule, cue, knowledge, repeat-policy or dictionary file under rules/ may
/// share a run of 6 Chinese characters with a test-set transcript (tests/eval test sets, tests/repeats/test-chains*.yaml), except inside the standard scripts and the
/// taxonomy's own wording (tests/eval/standard-phrases.txt, tests/eval/LABELLING.md), which both sides read, and runs a
/// rule had before the test call sharing them was written (tests/eval/overlap-predates-tests.txt, each with its commit).
/// </summary>
public sealed partial class PhraseOverlapTests
{
    private const int Run = 6;

    [Fact]
    public void No_rule_or_cue_file_shares_a_six_character_run_with_a_test_set_call()
    {
        var eval = Path.Combine(TestPaths.Repository, "tests/eval");
        var testSets = EvaluationSet.LoadIndex(Path.Combine(eval, "sets.csv")).Where(s => s.Split == EvaluationSplit.Test).ToList();
        Assert.NotEmpty(testSets);
        var transcriptRuns = testSets.SelectMany(s => s.Calls).SelectMany(c => c.Transcript.Segments).SelectMany(s => Grams(s.Text)).ToHashSet(StringComparer.Ordinal);
        // The repeat-chain test sets' calls too (what the customer said, what the agent said): the repeat cues read them.
        // Their authors' header and notes are labelling remarks, not calls (one restates the taxonomy's repeat rule).
        var chainSets = Directory.GetFiles(Path.Combine(TestPaths.Repository, "tests/repeats"), "test-chains*.yaml");
        Assert.True(chainSets.Length >= 3, $"expected the repeat-chain test sets, found {chainSets.Length}");
        foreach (var chainSet in chainSets)
        {
            var said = File.ReadLines(chainSet).Select(l => ChainCallText().Match(l)).Where(m => m.Success).Select(m => m.Groups["said"].Value).ToList();
            Assert.True(said.Count >= 50, $"{chainSet}: expected the calls' customer and agent_says lines, found {said.Count}");
            transcriptRuns.UnionWith(said.SelectMany(Grams));
        }
        var shared = File.ReadAllLines(Path.Combine(eval, "standard-phrases.txt")).Where(l => !l.StartsWith('#'))
            .Append(File.ReadAllText(Path.Combine(eval, "LABELLING.md")))
            .SelectMany(Grams).ToHashSet(StringComparer.Ordinal);
        // Runs a rule pattern had before the test call sharing them was written (with the commit that shows it).
        var predating = File.ReadAllLines(Path.Combine(eval, "overlap-predates-tests.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(f => (Run: f[0], File: f[1])).ToHashSet();
        var rules = Path.Combine(TestPaths.Repository, "rules");
        var files = Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(rules, "*.txt", SearchOption.AllDirectories)).ToList();
        Assert.True(files.Count >= 8, $"expected the rule, cue and knowledge files under {rules}, found {files.Count}");
        var copied = files
            .Select(f => (Text: File.ReadAllText(f), Name: Path.GetRelativePath(rules, f).Replace('\\', '/')))
            .SelectMany(f => Grams(f.Text)
                .Where(g => transcriptRuns.Contains(g) && !shared.Contains(g) && !predating.Contains((g, f.Name)))
                .Select(g => $"{f.Name}: {g}"))
            .Distinct()
            .ToList();
        Assert.True(copied.Count == 0, "规则文件与测试集通话共享 6 字片段 rule files share 6-character runs with test-set calls:\n" + string.Join("\n", copied));
    }

    [Fact]
    public void The_check_finds_a_copied_phrase()
    {
        // The check itself must be able to fail: a run taken from a test call is found.
        var eval = Path.Combine(TestPaths.Repository, "tests/eval");
        var call = EvaluationSet.LoadIndex(Path.Combine(eval, "sets.csv")).First(s => s.Split == EvaluationSplit.Test).Calls[0];
        var longest = call.Transcript.Segments.SelectMany(s => HanRuns().Matches(s.Text)).Select(m => m.Value).MaxBy(r => r.Length)!;
        Assert.True(longest.Length >= Run);
        Assert.NotEmpty(Grams($"pattern: '{longest}'").Intersect(call.Transcript.Segments.SelectMany(s => Grams(s.Text))));
    }

    private static IEnumerable<string> Grams(string text)
    {
        foreach (Match run in HanRuns().Matches(text))
        {
            for (var i = 0; i + Run <= run.Length; i++)
                yield return run.Value.Substring(i, Run);
        }
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]+")]
    private static partial Regex HanRuns();

    [GeneratedRegex(@"^\s*(customer|agent_says):\s*(?<said>.+)$")]
    private static partial Regex ChainCallText();
}
