using System.Text.RegularExpressions;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>One named cue of the dialogue state: who says it, the wording that shows it, and the wording that rules it out.</summary>
public sealed record DialogueCue(string Name, Speaker? Speaker, Regex Pattern, Regex? Exclude)
{
    /// <summary>Whether a sentence of this speaker shows the cue (the first match, or null).</summary>
    public Match? Find(Speaker speaker, string text)
    {
        if (Speaker is { } wanted && wanted != speaker)
            return null;
        if (Exclude is not null && Exclude.IsMatch(text))
            return null;
        var match = Pattern.Match(text);
        return match.Success ? match : null;
    }
}

/// <summary>
/// The cue table the dialogue state is read with (rules/dialogue/cues.yaml): admins tune the words, the code keeps
/// the meaning (who verified what and when, whose data, which ticket the agent made).
/// </summary>
public sealed class DialogueCues(IReadOnlyDictionary<string, DialogueCue> cues, string sourceFile)
{
    /// <summary>Every cue the state reads; a cue file must define them all.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "account_request", "name_request", "holder_named", "identity_refused", "own_line", "third_party", "data_request",
        "arrears_amount", "sensitive_done", "ticket_action", "ticket_chase", "earlier_ticket", "repair_not_done", "ticket_offer", "other_party_order", "read_back",
        "time_limit", "wait_notice", "ticket_number", "callback", "customer_upset", "agent_empathy", "asks_when",
    ];

    public string SourceFile { get; } = sourceFile;

    public DialogueCue this[string name] => cues[name];

    public IReadOnlyCollection<DialogueCue> All => [.. cues.Values];
}
