using static SpeechQa.Scoring.Rules.PatternSyntax;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Strings of which every match of a pattern contains at least one: for 有没有人管|(你们|你)这态度|快(要)?疯了 they are
/// 有没有人管, 你们这态度, 你这态度, 快要疯了 and 快疯了. Read from the pattern's syntax tree (<see cref="PatternSyntax"/>):
/// a wide class, a dot or a repeat ends a run of literal text, and a pattern with a branch that requires no literal at
/// all has none (null), as has one the tree cannot read (case-insensitive options, conditionals), where a literal would
/// not be literal.
/// </summary>
internal static partial class RequiredLiterals
{
    /// <summary>The most strings one run of literal text is spelled out into ((你|您)(说|讲)(的)? is eight).</summary>
    private const int MaxSpellings = 256;

    public static IReadOnlyList<string>? Of(string pattern) =>
        PatternSyntax.Parse(pattern) is { } tree ? OfAlternation(tree).Required?.Distinct(StringComparer.Ordinal).ToList() : null;

    /// <summary>
    /// The top-level branches of a pattern, each with its source text and its own literals (every match of the branch
    /// contains one); null where the pattern cannot be read, holds a backreference (a branch alone might not mean what
    /// it means in the whole: 停一下，停一下 written as (?&lt;x&gt;停一下)…\k&lt;x&gt; is split only where the group and its
    /// backreference are in the same branch) or has a branch that requires no literal.
    /// </summary>
    public static IReadOnlyList<(string Source, IReadOnlyList<string> Literals)>? OfBranches(string pattern)
    {
        if (PatternSyntax.Parse(pattern) is not { } tree)
            return null;
        var branches = new List<(string, IReadOnlyList<string>)>(tree.Branches.Count);
        var groups = new List<string>();
        foreach (var branch in tree.Branches)
        {
            if (OfSequence(branch).Required is not { } required)
                return null;
            var source = pattern[branch.Start..branch.End];
            var defined = NamedGroup().Matches(source).Select(m => m.Groups["name"].Value).ToList();
            if (Backreference().Matches(source).Any(m => !defined.Contains(m.Groups["name"].Value)))
                return null;
            groups.AddRange(defined);
            branches.Add((source, required.Distinct(StringComparer.Ordinal).ToList()));
        }
        // A name defined in two branches: a backreference in one could have meant the other's group.
        return groups.Count == groups.Distinct(StringComparer.Ordinal).Count() ? branches : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\?<(?<name>[A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial System.Text.RegularExpressions.Regex NamedGroup();

    [System.Text.RegularExpressions.GeneratedRegex(@"\\k<(?<name>[A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial System.Text.RegularExpressions.Regex Backreference();

    /// <summary>
    /// What a piece of pattern matches: every text it can match, when that is a short list (Spellings), and strings one of
    /// which any match contains (Required); either may be unknown (null).
    /// </summary>
    private sealed record Piece(List<string>? Spellings, List<string>? Required)
    {
        public static readonly Piece Unknown = new(null, null);

        /// <summary>Zero-width (an anchor, a lookaround): matches the empty text and requires nothing.</summary>
        public static readonly Piece Empty = new([""], null);

        public static Piece Of(List<string> spellings) => new(spellings, spellings.Contains("") ? null : spellings);
    }

    /// <summary>A match is a match of one branch, so the unions.</summary>
    private static Piece OfAlternation(Alternation alternation)
    {
        var spellings = new List<string>();
        var required = new List<string>();
        var (allSpelled, allRequire) = (true, true);
        foreach (var branch in alternation.Branches.Select(OfSequence))
        {
            if (branch.Spellings is null)
                allSpelled = false;
            else
                spellings.AddRange(branch.Spellings);
            if (branch.Required is null)
                allRequire = false;
            else
                required.AddRange(branch.Required);
        }
        return new(allSpelled && spellings.Count <= MaxSpellings ? spellings : null, allRequire ? required : null);
    }

    /// <summary>
    /// Pieces one after another: a run of spelled-out pieces is spelled out together (each of its spellings is
    /// contiguous in any match); of all the runs and the unspelled pieces' own requirements the most selective is
    /// kept — the longest shortest string, then the fewest strings.
    /// </summary>
    private static Piece OfSequence(Sequence sequence)
    {
        List<string>? best = null;
        List<string> run = [""];
        var wholeSpelled = true;
        void Consider(List<string>? candidate)
        {
            if (candidate is null || candidate.Count == 0 || candidate.Contains(""))
                return;
            if (best is null)
            {
                best = candidate;
                return;
            }
            var (mb, mc) = (best.Min(s => s.Length), candidate.Min(s => s.Length));
            if (mc > mb || (mc == mb && candidate.Count < best.Count))
                best = candidate;
        }
        foreach (var (atom, min, max) in sequence.Items)
        {
            if (max == 0)
                continue;
            var piece = OfAtom(atom);
            if (min == 0 && max == 1 && piece.Spellings is { } optional)
                piece = Piece.Of([.. optional, ""]);
            else if (min == 0)
                piece = Piece.Unknown;
            var repeated = max != 1;
            if (piece.Spellings is { } spellings && (long)run.Count * spellings.Count <= MaxSpellings)
            {
                run = [.. run.SelectMany(r => spellings.Select(s => r + s))];
                if (!repeated)
                    continue;
                // xa+ contains xa, and ab+c contains bc: the run ends with one repetition and the next starts with one.
                Consider(run);
                run = spellings;
                wholeSpelled = false;
                continue;
            }
            // Not spelled out, or too many spellings together: the run ends here.
            Consider(run);
            Consider(piece.Required);
            run = piece.Spellings ?? [""];
            wholeSpelled = false;
        }
        Consider(run);
        return new(wholeSpelled ? run : null, best);
    }

    private static Piece OfAtom(Node atom) => atom switch
    {
        Literal literal => Piece.Of([literal.Value.ToString()]),
        CharSet { Spellable: true, Chars: { } chars } => Piece.Of([.. chars.Select(c => c.ToString())]),
        Anchor or Lookaround => Piece.Empty, // a lookaround consumes nothing: what it looks for is not part of the match
        Group group => OfAlternation(group.Inner),
        _ => Piece.Unknown, // a wide class, a dot, a backreference
    };
}
