using YamlDotNet.RepresentationModel;

namespace SpeechQa.Scoring.Rules.Loading;

/// <summary>A pattern as written in a rule file: where it is (1-based line and column), the field it is in, its text.</summary>
public sealed record RuleFilePattern(string File, int Line, int Column, string Key, string Pattern);

/// <summary>
/// Every pattern in a rules folder's YAML files — rules, dialogue cues, knowledge facts, repeat-policy cues — read from
/// the YAML itself so the checks of `rules check` can name each one's position; files that do not parse are left to
/// the loader's errors.
/// </summary>
public static class RuleFilePatterns
{
    /// <summary>The fields the loaders read as patterns.</summary>
    private static readonly HashSet<string> PatternKeys = new(StringComparer.Ordinal)
    {
        "pattern", "exclude", "cue", "agent_cue", "still_cue", "new_issue_cue", "ticket_cue", "visit_cue", "own_reason_cue",
        "claims", "context", "right",
    };

    /// <summary>Fields read only where another pattern already matched (a match is dropped when they match too).</summary>
    public static bool IsExclusion(string key) => key == "exclude";

    public static IReadOnlyList<RuleFilePattern> In(string rulesFolder)
    {
        ArgumentNullException.ThrowIfNull(rulesFolder);
        var patterns = new List<RuleFilePattern>();
        foreach (var file in Directory.EnumerateFiles(rulesFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = YamlReading.Load(file, []);
            if (root is not null)
                Walk(root, file, patterns);
        }
        return patterns;
    }

    private static void Walk(YamlNode node, string file, List<RuleFilePattern> patterns)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && PatternKeys.Contains(name) && value is YamlScalarNode { Value: { Length: > 0 } pattern })
                        patterns.Add(new(file, (int)value.Start.Line, (int)value.Start.Column, name, pattern));
                    else
                        Walk(value, file, patterns);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    Walk(item, file, patterns);
                break;
        }
    }
}
