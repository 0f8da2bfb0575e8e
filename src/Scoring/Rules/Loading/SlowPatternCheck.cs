namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>
/// Warns about patterns in the rule files whose alternation has a branch that may start at any character or match the
/// empty text (<see cref="LeadingCharacters"/>): the engine then tries the whole pattern at every character of every
/// sentence.
/// </summary>
public static class SlowPatternCheck
{
    public static IReadOnlyList<RuleFileWarning> Check(string rulesFolder)
    {
        var warnings = new List<RuleFileWarning>();
        foreach (var (file, line, column, key, pattern) in RuleFilePatterns.In(rulesFolder))
        {
            foreach (var branch in LeadingCharacters.UnboundedBranches(pattern))
            {
                var shown = branch.Length > 40 ? branch[..40] + "…" : branch;
                warnings.Add(new(file, line, column,
                    $"'{key}' 的分支 “{shown}” 可从任意字开始或匹配空文本，整个正则要在每个字上重试；请以确定的字开头 " +
                    $"the branch '{shown}' of '{key}' may start at any character or match empty text, so the whole pattern is tried at every character; start it with definite characters"));
            }
        }
        return warnings;
    }
}
