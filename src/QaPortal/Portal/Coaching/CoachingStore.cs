using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Coaching;

/// <summary>A trainer's coaching set (培训集): named, tagged, shared with teams and/or agent ids.</summary>
public sealed record CoachingSet(long Id, string Name, IReadOnlyList<string> Tags, IReadOnlyList<string> SharedWith, string CreatedBy, DateTimeOffset CreatedAt)
{
    /// <summary>Agents see a set shared with their agent id or their team.</summary>
    public bool IsSharedWith(string? agentId, string? team) =>
        (agentId is not null && SharedWith.Contains(agentId, StringComparer.Ordinal)) || (team is not null && SharedWith.Contains(team, StringComparer.Ordinal));
}

/// <summary>A clip: a time range of a call with the trainer's note.</summary>
public sealed record CoachingClip(long Id, long SetId, string CallId, double Start, double End, string Note, int Position);

/// <summary>Coaching sets and their clips (<c>coaching_sets</c>, <c>coaching_clips</c>), clips kept in the trainer's order.</summary>
public sealed class CoachingStore(StoreDataSource dataSource, TimeProvider time)
{
    private static List<string> Split(string list) => [.. list.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public async Task<long> CreateAsync(string name, string tags, string sharedWith, string createdBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("培训集需要名称 a coaching set needs a name", nameof(name));
        return await dataSource.ScalarAsync<long>(
            "INSERT INTO coaching_sets (name, tags, shared_with, created_by, created_at_ms) VALUES (@name, @tags, @shared, @by, @now) RETURNING id",
            new SqlParameterList
            {
                { "name", name.Trim() }, { "tags", string.Join(',', Split(tags)) }, { "shared", string.Join(',', Split(sharedWith)) },
                { "by", createdBy }, { "now", time.GetUtcNow().ToUnixTimeMilliseconds() },
            }, cancellationToken).ConfigureAwait(false);
    }

    public Task<List<CoachingSet>> ListAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT id, name, tags, shared_with, created_by, created_at_ms FROM coaching_sets ORDER BY id DESC", null, Read, cancellationToken);

    public async Task<CoachingSet?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT id, name, tags, shared_with, created_by, created_at_ms FROM coaching_sets WHERE id = @id",
            new SqlParameterList { { "id", id } }, Read, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task AddClipAsync(long setId, string callId, double start, double end, string note, CancellationToken cancellationToken)
    {
        if (!(start >= 0 && end > start))
            throw new ArgumentException("片段时间无效：结束须晚于开始 the clip must end after it starts", nameof(end));
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var next = await transaction.ScalarAsync<long?>("SELECT MAX(position) FROM coaching_clips WHERE set_id = @set", new SqlParameterList { { "set", setId } }, cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("INSERT INTO coaching_clips (set_id, call_id, start_s, end_s, note, position) VALUES (@set, @call, @start, @end, @note, @position)",
            new SqlParameterList { { "set", setId }, { "call", callId }, { "start", start }, { "end", end }, { "note", note.Trim() }, { "position", (next ?? 0) + 1 } },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<List<CoachingClip>> ClipsAsync(long setId, CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT id, set_id, call_id, start_s, end_s, note, position FROM coaching_clips WHERE set_id = @set ORDER BY position, id",
            new SqlParameterList { { "set", setId } },
            r => new CoachingClip(r.ReadLong(0), r.ReadLong(1), r.GetString(2), r.ReadDouble(3), r.ReadDouble(4), r.GetString(5), r.ReadInt(6)), cancellationToken);

    /// <summary>Moves a clip one place up (−1) or down (+1) by swapping positions with its neighbour.</summary>
    public async Task<bool> MoveAsync(long setId, long clipId, int direction, CancellationToken cancellationToken)
    {
        var clips = await ClipsAsync(setId, cancellationToken).ConfigureAwait(false);
        var at = clips.FindIndex(c => c.Id == clipId);
        var to = at + Math.Sign(direction);
        if (at < 0 || to < 0 || to >= clips.Count)
            return at >= 0;
        await using var transaction = await dataSource.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < clips.Count; i++)
        {
            var position = i == at ? to : i == to ? at : i;
            await transaction.ExecuteAsync("UPDATE coaching_clips SET position = @p WHERE id = @id", new SqlParameterList { { "p", position + 1 }, { "id", clips[i].Id } }, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static CoachingSet Read(System.Data.Common.DbDataReader r) =>
        new(r.ReadLong(0), r.GetString(1), Split(r.GetString(2)), Split(r.GetString(3)), r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(5)));
}
