using SpeechQa.Batch.Store;

namespace SpeechQa.QaPortal.Portal.Audit;

/// <summary>One audited action: who listened to, opened, reviewed or exported which call, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string UserName, string Action, string? CallId, string? Detail);

/// <summary>The audit log (<c>audit_log</c>): append-only from the portal; admins read it.</summary>
public sealed class AuditLog(StoreDataSource dataSource, TimeProvider time)
{
    public const string OpenedCall = "open-call";
    public const string ListenedToCall = "listen";
    public const string ReviewedHit = "review-hit";
    public const string SignedIn = "sign-in";
    public const string SignInRefused = "sign-in-refused";

    public Task WriteAsync(string userName, string action, string? callId, string? detail, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("INSERT INTO audit_log (at_ms, user_name, action, call_id, detail) VALUES (@at, @user, @action, @call, @detail)",
            new SqlParameterList
            {
                { "at", time.GetUtcNow().ToUnixTimeMilliseconds() }, { "user", userName }, { "action", action }, { "call", callId }, { "detail", detail },
            }, cancellationToken);

    public Task<List<AuditEntry>> ListAsync(int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync("SELECT at_ms, user_name, action, call_id, detail FROM audit_log ORDER BY id DESC LIMIT @limit",
            new SqlParameterList { { "limit", limit } },
            r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.ReadLong(0)), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4)),
            cancellationToken);
}
