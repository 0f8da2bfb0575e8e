using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Rules.Loading;

namespace SpeechQa.Scoring.Judging;

/// <summary>
/// The rule sets of a rules folder (rules/rulesets/*.yaml), loaded and validated together at start. A broken
/// file stops the start with every error listed, so a bad edit never replaces a working version unnoticed.
/// </summary>
public sealed class RuleSetCatalog
{
    public const string DefaultRuleSet = "water-hotline";

    private readonly Dictionary<string, RuleSet> _sets;

    private RuleSetCatalog(string folder, Dictionary<string, RuleSet> sets)
    {
        Folder = folder;
        _sets = sets;
    }

    public string Folder { get; }

    public IReadOnlyCollection<RuleSet> All => _sets.Values;

    public RuleSet? Find(string id) => _sets.GetValueOrDefault(id);

    /// <summary>Loads every rule set in <paramref name="rulesFolder"/>/rulesets; throws with all errors of all files.</summary>
    public static RuleSetCatalog Load(string rulesFolder)
    {
        var folder = Path.Combine(rulesFolder, "rulesets");
        if (!Directory.Exists(folder))
            throw new RuleSetLoadException([new RuleFileError(folder, 0, 0, "规则目录不存在 rules folder not found")]);
        var errors = new List<RuleFileError>();
        var sets = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (RuleSetLoader.TryLoad(file, errors) is { } set)
                sets[set.Id] = set;
        }
        if (errors.Count > 0)
            throw new RuleSetLoadException(errors);
        return new RuleSetCatalog(rulesFolder, sets);
    }
}
