using System.Text.RegularExpressions;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Dialogue;

/// <summary>Where a cue's exclusion is read: the whole transcript sentence, the clause the wording is in (up to ，；。？！),
/// or the spoken sentence it is in (up to 。？！ — one transcript segment often holds several).</summary>
public enum CueScope
{
    Sentence,
    Clause,
    FullStop,
}

/// <summary>
/// One named cue of the dialogue state: who says it, the wording that shows it, and the wording that rules it out —
/// in the whole sentence, or in the clause or spoken sentence the wording is in (<see cref="CueScope"/>), so that
/// 材料您拿到营业厅补 in one clause does not undo 户名给您改成马晓峰了 in the one before.
/// </summary>
public sealed record DialogueCue(string Name, Speaker? Speaker, ScreenedRegex Pattern, ScreenedRegex? Exclude, CueScope Scope = CueScope.Sentence)
{
    /// <summary>Whether a sentence of this speaker shows the cue (the first match, or null).</summary>
    public Match? Find(Speaker speaker, string text)
    {
        if (Speaker is { } wanted && wanted != speaker)
            return null;
        if (Scope == CueScope.Sentence)
        {
            // The pattern first: most sentences show no cue, and then the exclusion needs no reading.
            var match = Pattern.Match(text);
            return !match.Success || (Exclude is not null && Exclude.IsMatch(text)) ? null : match;
        }
        // Most sentences show no cue at all: one match over the sentence decides that before any clause is read.
        if (!Pattern.IsMatch(text))
            return null;
        var marks = Scope == CueScope.Clause ? ClauseMarks.Set : ClauseMarks.FullStopSet;
        // An exclusion none of whose literals is in the sentence cannot match any clause of it: read once, not per clause.
        var exclude = Exclude is not null && Exclude.MayMatch(text) ? Exclude : null;
        var start = 0;
        while (start < text.Length)
        {
            var end = ClauseMarks.PieceEnd(text, start, marks);
            // The clause with its mark, so that an exclude ending in [？?]$ still sees the question.
            if (exclude is null || !exclude.IsMatch(text.AsSpan(start, end - start)))
            {
                var match = Pattern.Match(text, start, end - start);
                if (match.Success)
                    return match;
            }
            start = end;
        }
        return null;
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
        "account_request", "name_request", "holder_named", "holder_asked", "identity_confirmed", "identity_mismatch", "identity_refused", "own_line", "third_party", "data_request",
        "arrears_amount", "sensitive_done", "sensitive_topic", "action_completed", "ticket_action", "ticket_chase", "earlier_ticket", "repair_came_back", "feedback_only", "repair_not_done", "ticket_offer", "offer_declined", "other_party_order", "read_back",
        "time_limit", "wait_notice", "ticket_number", "callback", "customer_upset", "agent_empathy", "asks_when", "reading_blamed", "misuse_reported",
    ];

    public string SourceFile { get; } = sourceFile;

    public DialogueCue this[string name] => cues[name];

    public IReadOnlyCollection<DialogueCue> All => [.. cues.Values];
}
