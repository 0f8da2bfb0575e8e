namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Which branches of a pattern's top-level alternation can start at any character. The regex engine looks for a match
/// only where one of the pattern's possible first characters occurs; one branch that may start anywhere
/// (<c>[^。？！]{0,4}想办法</c>, <c>.{0,3}不管</c>, <c>\S</c>) or that matches the empty text makes it try the whole
/// alternation at every character. Measured on the dev sentences: one such branch added to the impatience, upset or
/// shirking pattern made it 2.3–4× slower; a branch starting with an optional group, a lookbehind or a common character
/// such as 我 made no measurable difference (docs/rules.md, "rules check").
/// </summary>
internal static class LeadingCharacters
{
    /// <summary>A class with more characters than this counts as any character ([一-龥]).</summary>
    private const int MaxClassCharacters = 64;

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
        ArgumentNullException.ThrowIfNull(pattern);
        var reader = new Reader(pattern);
        try
        {
            var unbounded = new List<string>();
            var branches = 0;
            while (true)
            {
                var start = reader.At;
                var first = reader.Sequence();
                var branch = pattern[start..reader.At];
                branches++;
                // A branch anchored at the start is tried at one place only.
                if ((first.Any || first.Nullable) && !branch.StartsWith('^') && !branch.StartsWith(@"\A", StringComparison.Ordinal))
                    unbounded.Add(branch);
                if (reader.AtEnd)
                    return branches >= MinBranches ? unbounded : [];
                if (!reader.Take('|'))
                    return []; // an unbalanced ')': the regex itself reports it
            }
        }
        catch (NotReadableException)
        {
            return [];
        }
    }

    /// <summary>The characters a piece can start with (Any: every character) and whether it can match the empty text.</summary>
    private readonly record struct First(bool Any, bool Nullable, HashSet<char>? Chars)
    {
        public static First Empty => new(false, true, []);

        public static First Unbounded => new(true, false, null);

        public static First Of(IEnumerable<char> chars) => new(false, false, [.. chars]);
    }

    private sealed class NotReadableException : Exception;

    private sealed class Reader(string pattern)
    {
        public int At { get; private set; }

        public bool AtEnd => At >= pattern.Length;

        public bool Take(char c)
        {
            if (At < pattern.Length && pattern[At] == c)
            {
                At++;
                return true;
            }
            return false;
        }

        /// <summary>branch ( | branch )*: a match starts as one of the branches does.</summary>
        private First Alternation()
        {
            var chars = new HashSet<char>();
            var nullable = false;
            var any = false;
            while (true)
            {
                var branch = Sequence();
                any |= branch.Any;
                nullable |= branch.Nullable;
                if (branch.Chars is { } c)
                    chars.UnionWith(c);
                if (!Take('|'))
                    return any ? First.Unbounded with { Nullable = nullable } : new(false, nullable, chars);
            }
        }

        /// <summary>Atoms one after another: the first non-optional atom ends the set of possible first characters.</summary>
        public First Sequence()
        {
            var chars = new HashSet<char>();
            var open = true; // still reading the atoms a match can start with
            var any = false;
            while (At < pattern.Length && pattern[At] is not ('|' or ')'))
            {
                var atom = Atom();
                var min = Quantifier();
                if (!open)
                    continue;
                any |= atom.Any;
                if (atom.Chars is { } c)
                    chars.UnionWith(c);
                open = min == 0 || atom.Nullable;
            }
            return new(any, open, any ? null : chars);
        }

        private First Atom()
        {
            var c = pattern[At];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    return Class();
                case '(':
                    return Group();
                case '^' or '$':
                    At++;
                    return First.Empty;
                case '.':
                    At++;
                    return First.Unbounded;
                default:
                    At++;
                    return First.Of([c]);
            }
        }

        private First Escape()
        {
            if (At + 1 >= pattern.Length)
                throw new NotReadableException();
            var next = pattern[At + 1];
            At += 2;
            if (!char.IsAsciiLetterOrDigit(next))
                return First.Of([next]);
            switch (next)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return First.Empty;
                case 'd':
                    return First.Of("0123456789");
                case 'D' or 's' or 'S' or 'w' or 'W':
                    return First.Unbounded;
                case 'p' or 'P' when At < pattern.Length && pattern[At] == '{':
                    At = pattern.IndexOf('}', At) is var close and >= 0 ? close + 1 : throw new NotReadableException();
                    return First.Unbounded;
                default:
                    throw new NotReadableException(); // \u4e00, \t, backreferences: not read, nothing claimed
            }
        }

        private First Class()
        {
            At++; // [
            var negated = Take('^');
            var chars = new HashSet<char>();
            var wide = negated;
            var first = true;
            while (At < pattern.Length && (pattern[At] != ']' || first))
            {
                first = false;
                var c = pattern[At++];
                if (c == '\\')
                {
                    if (At >= pattern.Length)
                        throw new NotReadableException();
                    var escaped = pattern[At++];
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        if (escaped == 'd')
                            chars.UnionWith("0123456789");
                        else
                            wide = true;
                        continue;
                    }
                    c = escaped;
                }
                if (At + 1 < pattern.Length && pattern[At] == '-' && pattern[At + 1] != ']')
                {
                    var last = pattern[At + 1];
                    At += 2;
                    if (last - c >= MaxClassCharacters)
                        wide = true;
                    else
                        for (var x = c; x <= last; x++)
                            chars.Add(x);
                    continue;
                }
                chars.Add(c);
            }
            if (!Take(']'))
                throw new NotReadableException();
            return wide || chars.Count > MaxClassCharacters ? First.Unbounded : First.Of(chars);
        }

        private First Group()
        {
            At++; // (
            if (Take('?'))
            {
                if (Take(':'))
                    return Closed(Alternation());
                if (Take('=') || Take('!'))
                    return Skipped();
                if (Take('<'))
                {
                    if (Take('=') || Take('!'))
                        return Skipped();
                    At = pattern.IndexOf('>', At) is var end and >= 0 ? end + 1 : throw new NotReadableException();
                    return Closed(Alternation());
                }
                throw new NotReadableException(); // inline options, conditionals, atomic groups
            }
            return Closed(Alternation());
        }

        /// <summary>A lookaround is zero-width: the match starts with what follows it.</summary>
        private First Skipped()
        {
            Alternation();
            return Closed(First.Empty);
        }

        private First Closed(First inner) => Take(')') ? inner : throw new NotReadableException();

        /// <summary>The quantifier after an atom, if any, as its least count.</summary>
        private int Quantifier()
        {
            if (At >= pattern.Length)
                return 1;
            int min;
            switch (pattern[At])
            {
                case '?' or '*':
                    At++;
                    min = 0;
                    break;
                case '+':
                    At++;
                    min = 1;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', At);
                    var digits = close < 0 ? "" : pattern[(At + 1)..close].Split(',')[0];
                    if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
                        return 1; // a literal brace
                    At = close + 1;
                    break;
                default:
                    return 1;
            }
            Take('?'); // lazy
            return min;
        }
    }
}
