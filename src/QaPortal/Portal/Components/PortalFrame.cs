namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>What every page needs besides its own model: the words in the user's language, the user, the antiforgery token.</summary>
public sealed record PortalFrame(PortalText T, PortalSession? User, string AntiforgeryField, string AntiforgeryToken)
{
    /// <summary>For an inspector: the calls assigned to them not reviewed yet (shown in the header); null for other roles.</summary>
    public long? OpenItems { get; init; }

    /// <summary>The navigation links the user's role may follow (the endpoints check the role again).</summary>
    public IReadOnlyList<(string Href, string Key)> Navigation
    {
        get
        {
            if (User is null)
                return [];
            var role = User.Role;
            var links = new List<(string Href, string Key)>();
            if (role is PortalRole.Inspector or PortalRole.Trainer or PortalRole.Manager or PortalRole.Admin)
                links.Add(("/queue", "queue"));
            if (role == PortalRole.Agent)
                links.Add(("/my/calls", "mycalls"));
            if (role is PortalRole.Trainer or PortalRole.Admin or PortalRole.Agent)
                links.Add(("/coaching", "coaching"));
            if (role is PortalRole.Manager or PortalRole.Admin)
            {
                links.Add(("/dashboard", "dashboard"));
                links.Add(("/reports/monthly", "monthly"));
                links.Add(("/assignments", "assignments"));
            }
            if (role is PortalRole.Inspector or PortalRole.Admin)
                links.Add(("/appeals", "appeals"));
            if (role is PortalRole.Inspector or PortalRole.Manager or PortalRole.Admin)
                links.Add(("/wall", "wall"));
            if (role == PortalRole.Admin)
            {
                links.Add(("/admin/users", "users"));
                links.Add(("/admin/audit", "audit"));
                links.Add(("/admin/jobs", "jobs"));
                links.Add(("/admin/rules", "rulesets"));
                links.Add(("/admin/sources", "sources"));
            }
            return links;
        }
    }
}
