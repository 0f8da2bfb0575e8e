using System.Buffers;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>
/// How selective each literal screen is on real sentences (<see cref="ScreenedRegex"/>): a long alternation runs its
/// regex only on the sentences that contain one of its required literals, so one branch whose literal is a common word
/// (还有, 电话) lets a large share of all sentences through and quietly costs the regex's full price on them — one such
/// N11 branch took the rules bench from about 560 to 480 calls/s before it was found. Exclusions are not checked: they
/// run only where their pattern already matched.
/// </summary>
public static class ScreenPassCheck
{
    /// <summary>A share of sentences passed above which a screen is reported (the shipped screens pass 0.1–19 % of the dev sentences).</summary>
    public const double DefaultMaxShare = 0.10;

    /// <param name="rulesFolder">The rules folder.</param>
    /// <param name="sentences">Sample sentences, e.g. every segment of a set of transcripts.</param>
    /// <param name="maxShare">Screens passing more than this share of the sentences are reported.</param>
    public static IReadOnlyList<RuleFileWarning> Check(string rulesFolder, IReadOnlyList<string> sentences, double maxShare = DefaultMaxShare)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(maxShare);
        var warnings = new List<RuleFileWarning>();
        if (sentences.Count == 0)
            return warnings;
        foreach (var (file, line, column, key, pattern) in RuleFilePatterns.In(rulesFolder))
        {
            if (RuleFilePatterns.IsExclusion(key) || ScreenedRegex.ScreenLiterals(pattern) is not { } literals)
                continue;
            var (passed, widest) = Passes(literals, sentences);
            var share = passed / (double)sentences.Count;
            if (share <= maxShare)
                continue;
            var named = string.Join("、", widest.Select(w => $"{w.Literal} {w.Sentences / (double)sentences.Count:P1}"));
            warnings.Add(new(file, line, column,
                $"'{key}' 的字面筛选放过 {share:P1} 的样本句子（{passed}/{sentences.Count}），正则在这些句子上都要运行；放过最多的字面：{named}。请把常用词所在的分支写得更具体 " +
                $"the literal screen of '{key}' passes {share:P1} of the sample sentences ({passed}/{sentences.Count}), and the regex runs on each of them; the literals letting most through: {named}. Spell out the branches those common words are in"));
        }
        return warnings;
    }

    /// <summary>Sentences the screen passes, and the three literals found first in most of them.</summary>
    private static (int Passed, List<(string Literal, int Sentences)> Widest) Passes(IReadOnlyList<string> literals, IReadOnlyList<string> sentences)
    {
        // RequiredLiterals gives each literal once.
        var screen = SearchValues.Create([.. literals], StringComparison.Ordinal);
        // Shortest first, so a sentence is put down to the most general literal found at its first screen hit.
        var byFirstChar = literals.OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal)
            .GroupBy(l => l[0]).ToDictionary(g => g.Key, g => g.ToList());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var passed = 0;
        foreach (var sentence in sentences)
        {
            var at = sentence.AsSpan().IndexOfAny(screen);
            if (at < 0)
                continue;
            passed++;
            var literal = byFirstChar[sentence[at]].First(l => sentence.AsSpan(at).StartsWith(l, StringComparison.Ordinal));
            counts[literal] = counts.GetValueOrDefault(literal) + 1;
        }
        return (passed, [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(3).Select(c => (c.Key, c.Value))]);
    }
}
