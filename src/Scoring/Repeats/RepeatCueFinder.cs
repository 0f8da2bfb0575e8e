namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// Finds a call's repeat cues when it is analysed, so that chaining later needs no transcript: the customer's words
/// for each root cause and for a new issue, the agent's words for a ticket. Cue ids: R1…R6, <see cref="NewIssue"/>,
/// <see cref="Ticket"/>, <see cref="Visited"/>, <see cref="OwnReason"/>, agent:R1… (the agent's findings); the first match of each is kept as evidence.
/// </summary>
public sealed class RepeatCueFinder(RepeatPolicy policy)
{
    public const string NewIssue = "new_issue";
    public const string Ticket = "ticket";
    public const string SlaPrefix = "sla:";
    public const string Visited = "visited";
    public const string OwnReason = "own_reason";

    /// <summary>Prefix of the cue ids of the agent's findings (agent:R1).</summary>
    public const string AgentPrefix = "agent:";

    /// <param name="customerActs">The customer's sentences with the act model's probabilities, when it ran: a cause whose
    /// cue list finds nothing takes the first sentence the model reads as its act (<see cref="RootCauseCue.Act"/>).</param>
    /// <param name="outbound">A callback: the agent telling what was done (师傅下午给您更换了阀门) shows the visit as well as
    /// the customer saying it.</param>
    public IReadOnlyList<CueMatch> Find(string customerText, string agentText, IReadOnlyList<SentenceActs>? customerActs = null, bool outbound = false)
    {
        ArgumentNullException.ThrowIfNull(customerText);
        ArgumentNullException.ThrowIfNull(agentText);
        var found = new List<CueMatch>();
        Add(NewIssue, policy.NewIssueCue.Match(customerText));
        Add(Ticket, policy.TicketCue.Match(agentText));
        if (policy.VisitCue is { } visit)
        {
            var said = visit.Match(customerText);
            Add(Visited, said.Success || !outbound ? said : visit.Match(agentText));
        }
        if (policy.OwnReasonCue is { } ownReason)
            Add(OwnReason, ownReason.Match(customerText));
        foreach (var cause in policy.RootCauses)
        {
            var said = cause.Cue?.Match(customerText);
            if (said is { Success: true })
                Add(cause.Cause.ToString(), said);
            else if (cause.Act is { } act && customerActs?.FirstOrDefault(s => s.Acts.TryGetValue(act, out var p) && p >= policy.ActMinP) is { } sentence)
                found.Add(new CueMatch(cause.Cause.ToString(), sentence.Text));
            if (cause.AgentCue is { } agentCue)
                Add(AgentPrefix + cause.Cause, agentCue.Match(agentText));
        }
        // Which of the SLAs a ticket may have this call is about (爆管 picks the 30-minute one).
        foreach (var sla in policy.TicketSla.Values.SelectMany(list => list.Take(list.Count - 1)).DistinctBy(f => f.Id))
        {
            var match = sla.Cue.Match(customerText);
            Add(SlaPrefix + sla.Id, match.Success ? match : sla.Cue.Match(agentText));
        }
        return found;

        void Add(string id, System.Text.RegularExpressions.Match match)
        {
            if (match.Success)
                found.Add(new CueMatch(id, match.Value));
        }
    }
}
