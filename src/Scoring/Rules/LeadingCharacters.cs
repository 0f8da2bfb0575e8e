using static SpeechQa.Scoring.Rules.PatternSyntax;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Which branches of a pattern's top-level alternation can start at any character. The regex engine looks for a match
/// only where one of the pattern's possible first characters occurs; one branch that may start anywhere
/// (<c>[^。？！]{0,4}想办法</c>, <c>.{0,3}不管</c>, <c>\S</c>) or that matches the empty text makes it try the whole
/// alternation at every character. Measured on the dev sentences: one such branch added to the impatience, upset or
/// shirking pattern made it 2.3–4× slower; a branch starting with an optional group, a lookbehind or a common character
/// such as 我 made no measurable difference (docs/rules.md, "rules check"). Read from the pattern's syntax tree
/// (<see cref="PatternSyntax"/>).
/// </summary>
internal static class LeadingCharacters
{
    /// <summary>
    /// Alternations shorter than this are left alone: a short pattern that may start anywhere (<c>.</c>, <c>[^。]*不管</c>)
    /// costs what any small regex does; the multiplier is the long word lists.
    /// </summary>
    public const int MinBranches = 20;

    /// <summary>
    /// The top-level branches of a long alternation (<see cref="MinBranches"/> or more) that may start at any character
    /// or match the empty text, as written in the pattern, anchored branches (<c>^…</c>) aside; empty when there are
    /// none, when the alternation is short, or when the pattern uses a construct not read here (then nothing is claimed).
    /// </summary>
    public static IReadOnlyList<string> UnboundedBranches(string pattern)
    {
        if (PatternSyntax.Parse(pattern) is not { Branches.Count: >= MinBranches } tree)
            return [];
        return [.. tree.Branches
            .Select(branch => (Text: pattern[branch.Start..branch.End], First: OfSequence(branch)))
            // A branch anchored at the start is tried at one place only.
            .Where(b => (b.First.Any || b.First.Nullable) && !b.Text.StartsWith('^') && !b.Text.StartsWith(@"\A", StringComparison.Ordinal))
            .Select(b => b.Text)];
    }

    /// <summary>The characters a piece can start with (Any: every character) and whether it can match the empty text.</summary>
    private readonly record struct First(bool Any, bool Nullable, HashSet<char>? Chars)
    {
        public static First Empty => new(false, true, []);

        public static First Unbounded => new(true, false, null);
    }

    /// <summary>A match starts as one of the branches does.</summary>
    private static First OfAlternation(Alternation alternation)
    {
        var chars = new HashSet<char>();
        var (any, nullable) = (false, false);
        foreach (var branch in alternation.Branches.Select(OfSequence))
        {
            any |= branch.Any;
            nullable |= branch.Nullable;
            if (branch.Chars is { } c)
                chars.UnionWith(c);
        }
        return any ? First.Unbounded with { Nullable = nullable } : new(false, nullable, chars);
    }

    /// <summary>Atoms one after another: the first non-optional atom ends the set of possible first characters.</summary>
    private static First OfSequence(Sequence sequence)
    {
        var chars = new HashSet<char>();
        var any = false;
        foreach (var (atom, min, _) in sequence.Items)
        {
            var first = OfAtom(atom);
            any |= first.Any;
            if (first.Chars is { } c)
                chars.UnionWith(c);
            if (min > 0 && !first.Nullable)
                return new(any, false, any ? null : chars);
        }
        return new(any, true, any ? null : chars);
    }

    private static First OfAtom(Node atom) => atom switch
    {
        Literal literal => new(false, false, [literal.Value]),
        CharSet { Chars: { } chars } => new(false, false, [.. chars]),
        Anchor or Lookaround => First.Empty, // zero-width: the match starts with what follows
        Group group => OfAlternation(group.Inner),
        _ => First.Unbounded, // a wide class, a dot; a backreference may repeat anything its group matched
    };
}
