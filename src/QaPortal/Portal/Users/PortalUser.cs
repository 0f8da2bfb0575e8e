namespace SpeechQa.QaPortal.Portal.Users;

/// <summary>A portal account. Agents are tied to their agent id (they see their own calls only).</summary>
public sealed record PortalUser(string UserName, string DisplayName, string Role, string? AgentId, string? Team, string PasswordHash,
    int FailedAttempts, DateTimeOffset? LockedUntil);

/// <summary>The outcome of a sign-in attempt.</summary>
public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}
