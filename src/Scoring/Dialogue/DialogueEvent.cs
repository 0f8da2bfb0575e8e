namespace SpeechQa.Scoring.Dialogue;

/// <summary>What the dialogue state knows about a call, as events at sentences (the rule operator <c>dialogue</c> reads them).</summary>
public enum DialogueEvent
{
    /// <summary>The sentence at which both the account number and the holder's name had been given by the caller.</summary>
    IdentityVerified,

    /// <summary>The agent reads out personal data (phone, ID, bank card, address, arrears) of another household, or before the caller was verified.</summary>
    Disclosure,

    /// <summary>The agent does a sensitive action (transfer, phone change, bill details, refund, suspension) before verification.</summary>
    SensitiveUnverified,

    /// <summary>The agent creates, dispatches or chases a ticket in this call (not a mention, an offer, or another party's order).</summary>
    AgentTicket,

    /// <summary>The agent chases a ticket that already exists (催办); read-back applies, a new time limit or number does not.</summary>
    TicketChased,

    /// <summary>The agent reads the caller's address, account or phone back to confirm it.</summary>
    ReadBack,

    /// <summary>The agent tells when the ticket will be handled (from just before the first ticket on).</summary>
    TimeLimit,

    /// <summary>The agent puts the caller off with "wait for the notice" instead of a time.</summary>
    WaitNotice,

    /// <summary>The agent gives a ticket number or arranges a callback (from just before the first ticket on).</summary>
    TicketNumberOrCallback,

    /// <summary>The customer is upset or complains.</summary>
    CustomerUpset,

    /// <summary>The agent apologises or shows understanding.</summary>
    AgentEmpathy,

    /// <summary>The customer asks when something will happen.</summary>
    AsksWhen,

    /// <summary>The caller reported it before and it is still not done (a repeat call: category C10 by the taxonomy's rule).</summary>
    RepairNotDone,
}

/// <summary>Rule-file names of the events (snake case, as the other operators' names).</summary>
public static class DialogueEventNames
{
    public static readonly IReadOnlyDictionary<string, DialogueEvent> ByName = Enum.GetValues<DialogueEvent>()
        .ToDictionary(WireName, e => e, StringComparer.Ordinal);

    public static string WireName(DialogueEvent e) =>
        string.Concat(e.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>One event at one sentence, with what showed it.</summary>
public sealed record DialogueMoment(DialogueEvent Event, int Sentence, string Evidence);
