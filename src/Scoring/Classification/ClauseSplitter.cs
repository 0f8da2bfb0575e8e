using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Cuts a transcript sentence into clauses at Chinese (and ASCII) clause punctuation: ，；。？！ and , ; ? !.
/// A long sentence often carries two acts (抱歉让您久等了，工单已经给您登记了): each clause is labelled on its own.
/// </summary>
public static class ClauseSplitter
{
    /// <summary>The clauses with content (letters or digits), in order; the whole text when it has no such mark.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = Ranges(text);
        return ranges.Count == 0 ? [text] : [.. ranges.Select(r => text.Substring(r.Start, r.Length))];
    }

    /// <summary>
    /// Where the clauses of <see cref="Split"/> lie in <paramref name="text"/> (each trimmed of white space); empty when no
    /// piece has content, where <see cref="Split"/> gives the whole text.
    /// </summary>
    public static IReadOnlyList<WordSpan> Ranges(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<WordSpan>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny(ClauseMarks.Set) is var k and >= 0 ? start + k : text.Length;
            var (from, to) = (start, end);
            while (from < to && char.IsWhiteSpace(text[from]))
                from++;
            while (to > from && char.IsWhiteSpace(text[to - 1]))
                to--;
            if (ClassifierTokens.HasContent(text.AsSpan(from, to - from)))
                ranges.Add(new WordSpan(from, to - from));
            start = end + 1;
        }
        return ranges;
    }
}
