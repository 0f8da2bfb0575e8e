using System.Buffers;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// The punctuation that ends a clause in a transcript sentence: Chinese ，；。？！ and ASCII , ; ? !. One set for every
/// reader that cuts or bounds clauses (the act model's clause splitter, the dialogue state and its cues, the knowledge
/// check), so that they agree on where a clause ends.
/// </summary>
public static class ClauseMarks
{
    public const string Characters = "，；。？！,;?!";

    public static readonly SearchValues<char> Set = SearchValues.Create(Characters);

    /// <summary>The marks that end a spoken sentence (。？！): one transcript segment often holds several.</summary>
    public const string FullStops = "。？！?!";

    public static readonly SearchValues<char> FullStopSet = SearchValues.Create(FullStops);

    /// <summary>Where the piece of <paramref name="text"/> that starts at <paramref name="start"/> ends: just after the next
    /// of <paramref name="marks"/> (the piece keeps its mark), or the text's end.</summary>
    public static int PieceEnd(ReadOnlySpan<char> text, int start, SearchValues<char> marks) =>
        text[start..].IndexOfAny(marks) is var mark and >= 0 ? start + mark + 1 : text.Length;
}
