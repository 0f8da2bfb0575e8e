using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Pipeline;

/// <summary>A recorder's export folder (录音来源): its name, which channel is the agent, the rule set for its calls, when it is scanned.</summary>
public sealed record RecordingSource(string Folder, string Name, ChannelLayout Channels, string? RuleSet, string Cron, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public SourceDefaults Defaults => new(Channels, RuleSet);

    public string RecurringId => RecurringScans.IdOf(Folder);
}

/// <summary>
/// The recording sources (<c>recording_sources</c>); saving one schedules its folder scan (the Hangfire recurring job
/// <c>scan:&lt;folder&gt;</c>), removing one stops it. The scan job reads the source's defaults for every manifest.
/// </summary>
public sealed class RecordingSourceStore(StoreDataSource dataSource, RecurringScans scans, TimeProvider time)
{
    private const string Columns = "folder, name, channels, ruleset, cron, updated_by, updated_at_ms";

    public Task<List<RecordingSource>> ListAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync($"SELECT {Columns} FROM recording_sources ORDER BY name, folder", null, Read, cancellationToken);

    public async Task<RecordingSource?> GetAsync(string folder, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync($"SELECT {Columns} FROM recording_sources WHERE folder = @folder", new SqlParameterList { { "folder", folder } }, Read, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Adds or updates a source; throws <see cref="ArgumentException"/> naming a bad field.</summary>
    public async Task<RecordingSource> SaveAsync(string folder, string name, string channels, string? ruleSet, string cron, string updatedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder.Trim()))
            throw new ArgumentException("请填写录音导出目录的完整路径 give the full path of the recorder's export folder", nameof(folder));
        if (!CallNames.TryParseChannels(channels, out var layout) || layout == ChannelLayout.Default)
            throw new ArgumentException("声道布局须为 agent-left、agent-right 或 mono channels must be agent-left, agent-right or mono", nameof(channels));
        try
        {
            ScanSchedule.Validate(cron);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"扫描计划不是有效的 cron 表达式 the scan schedule is not a valid cron expression: {e.Message}", nameof(cron), e);
        }
        var source = new RecordingSource(Path.GetFullPath(folder.Trim()), string.IsNullOrWhiteSpace(name) ? Path.GetFileName(folder.Trim()) : name.Trim(), layout,
            string.IsNullOrWhiteSpace(ruleSet) ? null : ruleSet.Trim(), cron.Trim(), updatedBy, time.GetUtcNow());
        await using (var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            var p = new SqlParameterList
            {
                { "folder", source.Folder }, { "name", source.Name }, { "channels", layout.ToWire()! }, { "ruleset", (object?)source.RuleSet ?? DBNull.Value },
                { "cron", source.Cron }, { "by", updatedBy }, { "at", source.UpdatedAt.ToUnixTimeMilliseconds() },
            };
            await transaction.ExecuteAsync("DELETE FROM recording_sources WHERE folder = @folder", p, cancellationToken).ConfigureAwait(false);
            await transaction.ExecuteAsync($"INSERT INTO recording_sources ({Columns}) VALUES (@folder, @name, @channels, @ruleset, @cron, @by, @at)", p, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        scans.Schedule(source.Folder, source.Cron);
        return source;
    }

    public async Task<bool> RemoveAsync(string folder, CancellationToken cancellationToken)
    {
        var removed = await dataSource.ExecuteAsync("DELETE FROM recording_sources WHERE folder = @folder", new SqlParameterList { { "folder", folder } }, cancellationToken).ConfigureAwait(false);
        scans.Remove(folder);
        return removed > 0;
    }

    /// <summary>Registers every source's scan with Hangfire (at a worker's start and on each reconcile pass).</summary>
    public async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        foreach (var source in await ListAsync(cancellationToken).ConfigureAwait(false))
            scans.Schedule(source.Folder, source.Cron);
    }

    private static RecordingSource Read(System.Data.Common.DbDataReader r)
    {
        var layout = CallNames.TryParseChannels(r.GetString(2), out var parsed) ? parsed : ChannelLayout.Default;
        return new RecordingSource(r.GetString(0), r.GetString(1), layout, r.NullableString(3), r.GetString(4), r.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(6)));
    }
}
