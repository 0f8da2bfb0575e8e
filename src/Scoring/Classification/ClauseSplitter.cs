using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Cuts a transcript sentence into clauses at Chinese (and ASCII) clause punctuation: ，；。？！ and , ; ? !.
/// A long sentence often carries two acts (抱歉让您久等了，工单已经给您登记了): each clause is labelled on its own.
/// </summary>
public static class ClauseSplitter
{
    private static readonly char[] MarkArray = ClauseMarks.Characters.ToCharArray();

    /// <summary>The clauses with content (letters or digits), in order; the whole text when it has no such mark.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = text.Split(MarkArray, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => c.Any(char.IsLetterOrDigit)).ToList();
        return clauses.Count == 0 ? [text] : clauses;
    }
}
