namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// One page or API of the portal, who may use it and what handles it: <c>Roles</c> null means anonymous, empty means
/// any signed-in user. The areas of <see cref="PortalEndpoints.Areas"/> are what is mapped and what the authorization test walks.
/// </summary>
public sealed record PortalEndpoint(string Method, string Path, IReadOnlyList<string>? Roles, Delegate Handler)
{
    public bool Allows(string? role) => Roles is null || (role is not null && (Roles.Count == 0 || Roles.Contains(role, StringComparer.Ordinal)));
}

/// <summary>The endpoints of one area of the portal (calls and reviews, coaching, reports, …), mapped as one route group.</summary>
public sealed record PortalEndpointGroup(string Key, string Name, IReadOnlyList<PortalEndpoint> Endpoints);
