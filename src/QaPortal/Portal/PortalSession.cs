using System.Security.Claims;

namespace SpeechQa.QaPortal.Portal;

/// <summary>The signed-in user as the cookie carries them.</summary>
public sealed record PortalSession(string UserName, string DisplayName, string Role, string? AgentId, string? Team = null)
{
    public const string AgentClaim = "speechqa:agent";
    public const string TeamClaim = "speechqa:team";
    public const string DisplayClaim = "speechqa:display";

    public static PortalSession? Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || principal.Identity.Name is not { } name)
            return null;
        return new PortalSession(name, principal.FindFirstValue(DisplayClaim) ?? name, principal.FindFirstValue(ClaimTypes.Role) ?? "",
            principal.FindFirstValue(AgentClaim), principal.FindFirstValue(TeamClaim));
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, UserName), new(ClaimTypes.Role, Role), new(DisplayClaim, DisplayName)];
        if (AgentId is not null)
            claims.Add(new Claim(AgentClaim, AgentId));
        if (Team is not null)
            claims.Add(new Claim(TeamClaim, Team));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Agents see their own calls only; everyone else sees all.</summary>
    public string? AgentScope => Role == PortalRole.Agent ? AgentId ?? "\u0000" : null;
}
