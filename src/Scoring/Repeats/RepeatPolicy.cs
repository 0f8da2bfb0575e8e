using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Knowledge;

namespace SpeechQa.Scoring.Repeats;

/// <summary>A group of categories that are one customer need (停水 and 水压低); a repeat stays inside related categories.</summary>
public sealed record CategoryGroup(string Id, string Name, IReadOnlyList<string> Categories, TimeSpan? Window);

/// <summary>What one root cause is recognised by: the customer's words in a repeat call, rules hit on the origin, category groups,
/// and what the agent of a repeat call finds on the record (工单上登记成了别的楼 → R1; 单子还在待派 → R2).</summary>
public sealed record RootCauseCue(RootCause Cause, ScreenedRegex? Cue, IReadOnlyList<string> OriginRules, IReadOnlyList<string> Groups,
    ScreenedRegex? AgentCue = null)
{
    /// <summary>The dialogue act whose sentence counts as the customer's cue when the cue list has none (repair_came_back → R6).</summary>
    public string? Act { get; init; }

    /// <summary>Matched against the customer's cue words: words that say the fault is still there (还是凉, 还在漏) point to
    /// this cause only where the work may have been done (the caller says the visit was done, or the origin's ticket is
    /// past its deadline); otherwise nobody has been yet, and the words are a clue (1), not evidence.</summary>
    public ScreenedRegex? StillCue { get; init; }
}

/// <summary>Several callers of one region about these categories within the window, well above the region's usual count, form an outage cluster.</summary>
public sealed record OutageClusterPolicy(IReadOnlyList<string> Categories, int MinCallers, TimeSpan Window, double BurstFactor = 3);

/// <summary>Repair and complaint calls should get an outbound callback to the same number within the SLA.</summary>
public sealed record CallbackPolicy(IReadOnlyList<string> Categories, TimeSpan Sla);

/// <summary>The repeat-call policy (rules/repeats/repeat-policy.yaml): windows, related categories, cues, SLAs.</summary>
public sealed record RepeatPolicy
{
    public required int Version { get; init; }
    public required TimeSpan Window { get; init; }
    public IReadOnlyList<CategoryGroup> Groups { get; init; } = [];

    /// <summary>Category → categories it also relates to ("*": any).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Related { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public required ScreenedRegex NewIssueCue { get; init; }
    public required ScreenedRegex TicketCue { get; init; }

    /// <summary>The customer of a repeat call says the visit or the work was done (师傅来看过了, 新表换好了): the origin's
    /// ticket was handled, so a late repeat is no longer read as a ticket left unhandled.</summary>
    public ScreenedRegex? VisitCue { get; init; }

    /// <summary>The customer of a repeat call gives a reason of their own for calling again (forgot the answer, the line
    /// dropped, moving their own appointment, checking a suspicious call): the default readings — a late ticket (R2), an
    /// all-billing chain (R4) — do not apply; what the customer or an agent says of a cause still counts.</summary>
    public ScreenedRegex? OwnReasonCue { get; init; }

    /// <summary>Category → the knowledge-base SLAs its tickets may have: the first whose cue the call mentions
    /// (爆管 → 30 minutes), else the last.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KnowledgeFact>> TicketSla { get; init; } = new Dictionary<string, IReadOnlyList<KnowledgeFact>>();

    public IReadOnlyList<RootCauseCue> RootCauses { get; init; } = [];

    /// <summary>How sure the act model must be before a customer sentence counts as a root cause's cue (<see cref="RootCauseCue.Act"/>).</summary>
    public double ActMinP { get; init; } = DefaultActMinP;

    /// <summary>The act threshold of a policy file that names none.</summary>
    public const double DefaultActMinP = 0.9;
    public required OutageClusterPolicy OutageCluster { get; init; }
    public required CallbackPolicy Callback { get; init; }

    /// <summary>Set on the command line (--window): one window for every group.</summary>
    public bool WindowOverridden { get; init; }

    public RepeatPolicy WithWindow(TimeSpan window) => this with { Window = window, WindowOverridden = true };

    public CategoryGroup? GroupOf(string? category) =>
        category is null ? null : Groups.FirstOrDefault(g => g.Categories.Contains(category, StringComparer.Ordinal));

    /// <summary>How far apart two consecutive calls of a chain may be, for a chain whose origin is about this category.</summary>
    public TimeSpan WindowFor(string? category) => WindowOverridden ? Window : GroupOf(category)?.Window ?? Window;

    /// <summary>The longest window of any group: older chains can be forgotten while sweeping.</summary>
    public TimeSpan LongestWindow => WindowOverridden ? Window : Groups.Select(g => g.Window ?? Window).Append(Window).Max();

    /// <summary>Whether a call about <paramref name="b"/> can repeat one about <paramref name="a"/>; an unknown category relates to all.</summary>
    public bool AreRelated(string? a, string? b)
    {
        if (a is null || b is null || a == b)
            return true;
        var group = GroupOf(a);
        if (group is not null && group.Categories.Contains(b, StringComparer.Ordinal))
            return true;
        return Links(a, b) || Links(b, a);

        bool Links(string from, string to) =>
            Related.TryGetValue(from, out var list) && list.Any(x => x == "*" || x == to);
    }
}
