using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules.Loading;

namespace SpeechQa.QaPortal.Portal.RuleSets;

/// <summary>
/// Rule files checked the way scoring would load them: the active rules folder is copied aside with the candidate
/// files (paths under rulesets/) in place, and the whole catalog is loaded from there — so an edit of a shared
/// file is checked in every set that includes it. Errors in <c>edited</c> name <see cref="EditedFile"/>; others keep
/// their path under rulesets/.
/// </summary>
public sealed record RuleSetCandidate(RuleSetCatalog? Catalog, IReadOnlyList<RuleFileError> Errors)
{
    /// <summary>What errors in the edited text give as their file.</summary>
    public const string EditedFile = "edited";

    public bool IsValid => Catalog is not null && Errors.Count == 0;

    public static RuleSetCandidate Check(string rulesFolder, IReadOnlyDictionary<string, string> files, string edited, IReadOnlyCollection<string> requiredSets)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(requiredSets);
        var work = Path.Combine(Path.GetTempPath(), "speechqa-rules-" + Guid.NewGuid().ToString("N"));
        try
        {
            Copy(Path.GetFullPath(rulesFolder), work);
            var sets = Path.Combine(work, "rulesets");
            foreach (var (file, yaml) in files)
            {
                var path = Path.GetFullPath(Path.Combine(sets, file));
                if (!path.StartsWith(sets + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return new RuleSetCandidate(null, [new RuleFileError(file, 0, 0, "规则文件须在 rulesets 目录下 rule files must stay under rulesets/")]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, yaml.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
            var editedPath = Path.GetFullPath(Path.Combine(sets, edited));
            string Name(string file) => Path.GetFullPath(file) == editedPath ? EditedFile : Path.GetRelativePath(sets, file);
            try
            {
                var catalog = RuleSetCatalog.Load(work);
                var missing = requiredSets.Where(s => catalog.Find(s) is null).ToList();
                return missing.Count == 0 ? new RuleSetCandidate(catalog, [])
                    : new RuleSetCandidate(null, [new RuleFileError(EditedFile, 1, 1, $"规则集不可改名或删除 rule sets cannot be renamed or removed here: {string.Join(", ", missing)}")]);
            }
            catch (RuleSetLoadException e)
            {
                return new RuleSetCandidate(null, [.. e.Errors.Select(x => x with { File = Name(x.File) })]);
            }
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from))
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
