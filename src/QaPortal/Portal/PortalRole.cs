namespace SpeechQa.QaPortal.Portal;

/// <summary>The portal's roles; each page and API names the roles it allows (<see cref="PortalEndpoints"/>).</summary>
public static class PortalRole
{
    public const string Inspector = "inspector";
    public const string Trainer = "trainer";
    public const string Manager = "manager";
    public const string Admin = "admin";
    public const string Agent = "agent";

    public static IReadOnlyList<string> All { get; } = [Inspector, Trainer, Manager, Admin, Agent];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string Chinese(string role) => role switch
    {
        Inspector => "质检员",
        Trainer => "培训师",
        Manager => "主管",
        Admin => "管理员",
        Agent => "坐席",
        _ => role,
    };

    /// <summary>Who sees phone numbers, ID numbers, accounts and addresses unmasked: only admins (who handle customer data requests).</summary>
    public static bool SeesPersonalData(string role) => role == Admin;
}
