using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>
/// Warns about patterns in the rule files whose alternation has a branch that may start at any character or match the
/// empty text (<see cref="LeadingCharacters"/>): the engine then tries the whole pattern at every character of every
/// sentence. Read from the YAML itself, so every rule, cue, knowledge and repeat-policy pattern is covered with its
/// position; files that do not parse are left to the loader's errors.
/// </summary>
public static class SlowPatternCheck
{
    /// <summary>The fields the loaders read as patterns.</summary>
    private static readonly HashSet<string> PatternKeys = new(StringComparer.Ordinal)
    {
        "pattern", "exclude", "cue", "agent_cue", "still_cue", "new_issue_cue", "ticket_cue", "visit_cue", "own_reason_cue",
        "claims", "context", "right",
    };

    public static IReadOnlyList<RuleFileWarning> Check(string rulesFolder)
    {
        ArgumentNullException.ThrowIfNull(rulesFolder);
        var warnings = new List<RuleFileWarning>();
        foreach (var file in Directory.EnumerateFiles(rulesFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = YamlReading.Load(file, []);
            if (root is not null)
                Walk(root, file, warnings);
        }
        return warnings;
    }

    private static void Walk(YamlNode node, string file, List<RuleFileWarning> warnings)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && PatternKeys.Contains(name) && value is YamlScalarNode { Value: { Length: > 0 } pattern })
                        CheckPattern(pattern, name, value, file, warnings);
                    else
                        Walk(value, file, warnings);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    Walk(item, file, warnings);
                break;
        }
    }

    private static void CheckPattern(string pattern, string key, YamlNode at, string file, List<RuleFileWarning> warnings)
    {
        foreach (var branch in LeadingCharacters.UnboundedBranches(pattern))
        {
            var shown = branch.Length > 40 ? branch[..40] + "…" : branch;
            warnings.Add(new(file, (int)at.Start.Line, (int)at.Start.Column,
                $"'{key}' 的分支 “{shown}” 可从任意字开始或匹配空文本，整个正则要在每个字上重试；请以确定的字开头 " +
                $"the branch '{shown}' of '{key}' may start at any character or match empty text, so the whole pattern is tried at every character; start it with definite characters"));
        }
    }
}
