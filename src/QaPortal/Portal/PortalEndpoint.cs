namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// One page or API of the portal and who may use it: <c>Roles</c> null means anonymous, empty means any signed-in
/// user. The list in <see cref="PortalEndpoints.All"/> is what is mapped and what the authorization test walks.
/// </summary>
public sealed record PortalEndpoint(string Method, string Path, IReadOnlyList<string>? Roles)
{
    public bool Allows(string? role) => Roles is null || (role is not null && (Roles.Count == 0 || Roles.Contains(role, StringComparer.Ordinal)));
}
