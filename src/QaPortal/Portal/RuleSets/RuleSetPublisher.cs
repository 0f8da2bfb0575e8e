using System.Text.RegularExpressions;
using SpeechQa.Pipeline;
using SpeechQa.Scoring.Judging;

namespace SpeechQa.QaPortal.Portal.RuleSets;

/// <summary>
/// Publishing from the portal. An edit of one rule file (a set's own file or a shared one it includes) becomes a
/// release: every rule set's <c>version</c> becomes the release number (one more than any so far, so each hit's
/// ruleset@version names exactly the rules that judged it), the texts are recorded with who, when and why, the
/// changed files are replaced atomically in the rules folder, and the new catalog is put in force for the next
/// calls. A rollback publishes an earlier release's texts again as a new release, so history only grows.
/// </summary>
public sealed partial class RuleSetPublisher(CallScoring scoring, RuleReleaseStore releases, TimeProvider time)
{
    public const string BaselineAuthor = "rules-folder";

    [GeneratedRegex(@"^version:[ \t]*[0-9]*", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^ruleset:", RegexOptions.Multiline)]
    private static partial Regex RuleSetLine();

    private string SetsFolder => Path.GetFullPath(Path.Combine(scoring.RulesFolder, "rulesets"));

    /// <summary>The rule sets in force; null when no rules were loaded.</summary>
    public RuleSetCatalog? Catalog => scoring.Judge?.Catalog;

    /// <summary>Every rule file under rulesets/ (set files and shared includes), as paths relative to it.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(SetsFolder, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(SetsFolder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>The text of a rule file in force; null for a path that is not one of <see cref="Files"/>.</summary>
    public async Task<string?> ReadAsync(string file, CancellationToken cancellationToken) =>
        Files().Contains(file, StringComparer.Ordinal) ? await File.ReadAllTextAsync(Path.Combine(SetsFolder, file), cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The rule files in force with <paramref name="yaml"/> in place of <paramref name="file"/>, loaded as scoring would.</summary>
    public async Task<RuleSetCandidate> CheckAsync(string file, string yaml, CancellationToken cancellationToken)
    {
        var files = await CurrentFilesAsync(cancellationToken).ConfigureAwait(false);
        files[file] = yaml;
        return Check(files, file);
    }

    private RuleSetCandidate Check(IReadOnlyDictionary<string, string> files, string edited) =>
        RuleSetCandidate.Check(scoring.RulesFolder, files, edited, [.. (Catalog?.All ?? []).Select(s => s.Id)]);

    /// <summary>The releases, newest first; the folder as loaded at start is recorded as the first release the first time.</summary>
    public async Task<List<RuleRelease>> HistoryAsync(CancellationToken cancellationToken)
    {
        var history = await releases.ListAsync(cancellationToken).ConfigureAwait(false);
        if (history.Count > 0 || Catalog is not { } catalog)
            return history;
        var files = await CurrentFilesAsync(cancellationToken).ConfigureAwait(false);
        var baseline = new RuleRelease(catalog.All.Max(s => s.Version), BaselineAuthor, time.GetUtcNow(), "规则目录中的初始版本 as found in the rules folder", "");
        try
        {
            await releases.AddAsync(baseline, files, _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Another request recorded the baseline first: it holds the same files.
        }
        return await releases.ListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes <paramref name="yaml"/> as the new text of <paramref name="file"/>; throws <see cref="RuleSetRejectedException"/> when the result does not load.</summary>
    public async Task<RuleRelease> PublishAsync(string file, string yaml, string publishedBy, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (!Files().Contains(file, StringComparer.Ordinal))
            throw new KeyNotFoundException($"没有规则文件 no rule file '{file}'");
        var files = await CurrentFilesAsync(cancellationToken).ConfigureAwait(false);
        files[file] = yaml;
        return await ReleaseAsync(files, file, publishedBy, note, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RuleRelease> RollBackAsync(int toVersion, string publishedBy, CancellationToken cancellationToken)
    {
        var files = await releases.FilesAsync(toVersion, cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
            throw new KeyNotFoundException($"没有版本 no release v{toVersion}");
        return await ReleaseAsync(files, "", publishedBy, $"回滚到 v{toVersion} rollback to v{toVersion}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuleRelease> ReleaseAsync(Dictionary<string, string> files, string changedFile, string publishedBy, string note, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
        var next = Math.Max(Catalog?.All.Max(s => s.Version) ?? 0, history.Count == 0 ? 0 : history.Max(r => r.Version)) + 1;
        foreach (var name in files.Keys.ToList())
        {
            var text = files[name].Replace("\r\n", "\n", StringComparison.Ordinal);
            files[name] = RuleSetLine().IsMatch(text) ? WithVersion(text, next) : text;
        }
        var candidate = Check(files, changedFile);
        if (!candidate.IsValid)
            throw new RuleSetRejectedException(candidate);
        var release = new RuleRelease(next, publishedBy, time.GetUtcNow(), note.Trim(), changedFile);
        await releases.AddAsync(release, files, ct => ReplaceFilesAsync(files, ct), cancellationToken).ConfigureAwait(false);
        scoring.UseRules(RuleSetCatalog.Load(scoring.RulesFolder));
        return release;
    }

    private async Task<Dictionary<string, string>> CurrentFilesAsync(CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files())
            files[file] = await File.ReadAllTextAsync(Path.Combine(SetsFolder, file), cancellationToken).ConfigureAwait(false);
        return files;
    }

    /// <summary>The text with its top-level <c>version:</c> set to <paramref name="version"/> (added after <c>ruleset:</c> when missing).</summary>
    public static string WithVersion(string yaml, int version)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var line = $"version: {version}";
        if (VersionLine().IsMatch(yaml))
            return VersionLine().Replace(yaml, line, 1);
        var ruleset = RuleSetLine().Match(yaml);
        var end = ruleset.Success ? yaml.IndexOf('\n', ruleset.Index) : -1;
        return end < 0 ? line + "\n" + yaml : yaml.Insert(end + 1, line + "\n");
    }

    /// <summary>Each changed file written beside, then renamed over: a worker loading the folder sees the old file or the new one, never half of it.</summary>
    private async Task ReplaceFilesAsync(Dictionary<string, string> files, CancellationToken cancellationToken)
    {
        foreach (var (file, text) in files)
        {
            var path = Path.Combine(SetsFolder, file);
            if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == text)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".publishing";
            await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
    }
}

/// <summary>A publish refused because the files do not load; the candidate carries every error.</summary>
public sealed class RuleSetRejectedException(RuleSetCandidate candidate)
    : Exception("规则文件有错误，未发布 the rule files have errors and were not published")
{
    public RuleSetCandidate Candidate { get; } = candidate;
}
