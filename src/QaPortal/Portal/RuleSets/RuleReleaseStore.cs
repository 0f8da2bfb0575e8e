using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.RuleSets;

/// <summary>
/// A published release of the rule files: its number (every rule set's <c>version</c> in it), who published it,
/// when, why, and which file the edit was in.
/// </summary>
public sealed record RuleRelease(int Version, string PublishedBy, DateTimeOffset PublishedAt, string Note, string ChangedFile);

/// <summary>
/// Every release with the full text of every rule file in it (<c>rule_releases</c>, <c>rule_release_files</c>), so any
/// release can be looked at again and rolled back to as a whole — a rule set and the shared file it includes
/// always go back together. The version is the primary key: two admins publishing at once cannot both become it.
/// </summary>
public sealed class RuleReleaseStore(StoreDataSource dataSource)
{
    public Task<List<RuleRelease>> ListAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT version, published_by, published_at_ms, note, changed_file FROM rule_releases ORDER BY version DESC", null,
            r => new RuleRelease(r.ReadInt(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(2)), r.GetString(3), r.GetString(4)),
            cancellationToken);

    /// <summary>The files of release <paramref name="version"/> (path under rulesets/ → text); empty when there is no such release.</summary>
    public async Task<Dictionary<string, string>> FilesAsync(int version, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT file, yaml FROM rule_release_files WHERE version = @version", new SqlParameterList { { "version", version } },
            r => (File: r.GetString(0), Yaml: r.GetString(1)), cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.File, f => f.Yaml, StringComparer.Ordinal);

    /// <summary>
    /// Records the release and, inside the same transaction, runs <paramref name="putInForce"/> (writing the files): if
    /// writing fails nothing is recorded, and if the version was taken meanwhile no file is written.
    /// </summary>
    public async Task AddAsync(RuleRelease release, IReadOnlyDictionary<string, string> files, Func<CancellationToken, Task> putInForce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(putInForce);
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var taken = await transaction.ScalarAsync<long>("SELECT COUNT(*) FROM rule_releases WHERE version = @version",
            new SqlParameterList { { "version", release.Version } }, cancellationToken).ConfigureAwait(false);
        if (taken > 0)
            throw new InvalidOperationException($"版本 v{release.Version} 已被他人发布，请刷新后重试 version {release.Version} was published meanwhile: reload and try again");
        await transaction.ExecuteAsync("INSERT INTO rule_releases (version, published_by, published_at_ms, note, changed_file) VALUES (@version, @by, @at, @note, @file)",
            new SqlParameterList
            {
                { "version", release.Version }, { "by", release.PublishedBy }, { "at", release.PublishedAt.ToUnixTimeMilliseconds() },
                { "note", release.Note }, { "file", release.ChangedFile },
            }, cancellationToken).ConfigureAwait(false);
        foreach (var (file, yaml) in files)
            await transaction.ExecuteAsync("INSERT INTO rule_release_files (version, file, yaml) VALUES (@version, @file, @yaml)",
                new SqlParameterList { { "version", release.Version }, { "file", file }, { "yaml", yaml } }, cancellationToken).ConfigureAwait(false);
        await putInForce(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
