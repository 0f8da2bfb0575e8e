using Microsoft.AspNetCore.Identity;
using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Users;

/// <summary>
/// Portal accounts in <c>portal_users</c>: passwords hashed with ASP.NET Core Identity's PBKDF2 hasher, locked for
/// <see cref="LockoutDuration"/> after <see cref="MaxFailedAttempts"/> wrong passwords. An unknown user name and a
/// wrong password give the same answer, so sign-in does not reveal which accounts exist.
/// </summary>
public sealed class PortalUserStore(StoreDataSource dataSource, TimeProvider time)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    private readonly PasswordHasher<PortalUser> _hasher = new();

    public async Task AddAsync(string userName, string displayName, string role, string? agentId, string? team, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Any(char.IsWhiteSpace))
            throw new ArgumentException("用户名不能为空或含空格 the user name must be non-empty without spaces", nameof(userName));
        if (!PortalRole.IsKnown(role))
            throw new ArgumentException($"未知角色 '{role}' unknown role, expected one of {string.Join(", ", PortalRole.All)}", nameof(role));
        if (role == PortalRole.Agent && string.IsNullOrWhiteSpace(agentId))
            throw new ArgumentException("坐席账号须指定坐席工号 an agent account needs --agent <agent id>", nameof(agentId));
        if (password is null || password.Length < MinPasswordLength)
            throw new ArgumentException($"密码至少 {MinPasswordLength} 个字符 the password needs at least {MinPasswordLength} characters", nameof(password));
        var user = new PortalUser(userName, displayName, role, agentId, team, "", 0, null);
        await dataSource.ExecuteAsync(
            """
            INSERT INTO portal_users (user_name, display_name, role, agent_id, team, password_hash, failed_attempts, locked_until_ms, created_at_ms)
            VALUES (@name, @display, @role, @agent, @team, @hash, 0, NULL, @now)
            ON CONFLICT (user_name) DO UPDATE SET display_name = @display, role = @role, agent_id = @agent, team = @team, password_hash = @hash,
                failed_attempts = 0, locked_until_ms = NULL
            """,
            new SqlParameterList
            {
                { "name", userName }, { "display", displayName }, { "role", role }, { "agent", agentId }, { "team", team },
                { "hash", _hasher.HashPassword(user, password) }, { "now", time.GetUtcNow().ToUnixTimeMilliseconds() },
            }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var rows = await dataSource.QueryAsync(
            "SELECT user_name, display_name, role, agent_id, team, password_hash, failed_attempts, locked_until_ms FROM portal_users WHERE user_name = @name",
            new SqlParameterList { { "name", userName } },
            r => new PortalUser(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4), r.GetString(5), r.ReadInt(6),
                r.ReadNullableLong(7) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The inspectors' user names: whom calls can be assigned to.</summary>
    public async Task<List<string>> InspectorsAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(u => u.Role == PortalRole.Inspector).Select(u => u.UserName)];

    public Task<List<PortalUser>> ListAsync(CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            "SELECT user_name, display_name, role, agent_id, team, '' , failed_attempts, locked_until_ms FROM portal_users ORDER BY role, user_name", null,
            r => new PortalUser(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4), "", r.ReadInt(6),
                r.ReadNullableLong(7) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null),
            cancellationToken);

    public async Task<(SignInOutcome Outcome, PortalUser? User)> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userName, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (user is null)
        {
            _hasher.VerifyHashedPassword(new PortalUser("", "", "", null, null, "", 0, null), DummyHash, password); // same work either way
            return (SignInOutcome.WrongCredentials, null);
        }
        if (user.LockedUntil is { } until && until > now)
            return (SignInOutcome.LockedOut, null);
        if (_hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failed = user.FailedAttempts + 1;
            var lockUntil = failed >= MaxFailedAttempts ? now + LockoutDuration : (DateTimeOffset?)null;
            await dataSource.ExecuteAsync("UPDATE portal_users SET failed_attempts = @failed, locked_until_ms = @until WHERE user_name = @name",
                new SqlParameterList { { "failed", lockUntil is null ? failed : 0 }, { "until", lockUntil?.ToUnixTimeMilliseconds() }, { "name", userName } },
                cancellationToken).ConfigureAwait(false);
            return (lockUntil is null ? SignInOutcome.WrongCredentials : SignInOutcome.LockedOut, null);
        }
        await dataSource.ExecuteAsync("UPDATE portal_users SET failed_attempts = 0, locked_until_ms = NULL WHERE user_name = @name",
            new SqlParameterList { { "name", userName } }, cancellationToken).ConfigureAwait(false);
        return (SignInOutcome.Success, user);
    }

    private static readonly string DummyHash = new PasswordHasher<PortalUser>().HashPassword(new PortalUser("", "", "", null, null, "", 0, null), "not-a-password");
}
