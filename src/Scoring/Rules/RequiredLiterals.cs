namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Strings of which every match of a pattern contains at least one: for 有没有人管|(你们|你)这态度|快(要)?疯了 they are
/// 有没有人管, 你们这态度, 你这态度, 快要疯了 and 快疯了. Read from the pattern's text for the constructs the rule files use
/// (literals, classes of a few characters, groups, alternation, quantifiers, lookarounds, anchors); a wide class, a dot or
/// a repeat ends a run of literal text, and a pattern with a branch that requires no literal at all has none (null), as
/// has one with case-insensitive options or conditionals, where a literal would not be literal.
/// </summary>
internal static class RequiredLiterals
{
    /// <summary>The largest class taken as its characters ([？?] is two one-character strings; [一-龥] is none).</summary>
    private const int MaxClassCharacters = 16;

    /// <summary>The most strings one run of literal text is spelled out into ((你|您)(说|讲)(的)? is eight).</summary>
    private const int MaxSpellings = 256;

    public static IReadOnlyList<string>? Of(string pattern)
    {
        var parser = new Parser(pattern);
        try
        {
            var whole = parser.Alternation();
            return parser.AtEnd ? whole.Required?.Distinct(StringComparer.Ordinal).ToList() : null;
        }
        catch (UnsupportedPatternException)
        {
            return null;
        }
    }

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

    private sealed class UnsupportedPatternException : Exception;

    /// <summary>A recursive-descent reading of the pattern.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        /// <summary>branch ( | branch )*: a match is a match of one branch, so the unions.</summary>
        public Piece Alternation()
        {
            var spellings = new List<string>();
            var required = new List<string>();
            var (allSpelled, allRequire) = (true, true);
            while (true)
            {
                var branch = Concatenation();
                if (branch.Spellings is null)
                    allSpelled = false;
                else
                    spellings.AddRange(branch.Spellings);
                if (branch.Required is null)
                    allRequire = false;
                else
                    required.AddRange(branch.Required);
                if (_at < pattern.Length && pattern[_at] == '|')
                {
                    _at++;
                    continue;
                }
                return new(allSpelled && spellings.Count <= MaxSpellings ? spellings : null, allRequire ? required : null);
            }
        }

        /// <summary>
        /// Pieces one after another: a run of spelled-out pieces is spelled out together (each of its spellings is
        /// contiguous in any match); of all the runs and the unspelled pieces' own requirements the most selective is
        /// kept — the longest shortest string, then the fewest strings.
        /// </summary>
        private Piece Concatenation()
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
            while (_at < pattern.Length && pattern[_at] != '|' && pattern[_at] != ')')
            {
                var piece = Atom();
                var (min, max) = Quantifier();
                if (max == 0)
                    continue;
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

        /// <summary>One atom: a literal character, a class, a group, or something that requires nothing nameable.</summary>
        private Piece Atom()
        {
            var c = pattern[_at];
            switch (c)
            {
                case '\\':
                    return Escape();
                case '[':
                    return Class();
                case '(':
                    return Group();
                case '^' or '$':
                    _at++;
                    return Piece.Empty;
                case '.':
                    _at++;
                    return Piece.Unknown;
                case '*' or '+' or '?' or '{':
                    throw new UnsupportedPatternException(); // a quantifier with nothing before it
                default:
                    _at++;
                    return Piece.Of([c.ToString()]);
            }
        }

        private Piece Escape()
        {
            if (_at + 1 >= pattern.Length)
                throw new UnsupportedPatternException();
            var next = pattern[_at + 1];
            _at += 2;
            if (!char.IsAsciiLetterOrDigit(next))
                return Piece.Of([next.ToString()]); // \. \? \( … stand for themselves
            switch (next)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Piece.Empty;
                case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                    return Piece.Unknown;
                case 'p' or 'P' when _at < pattern.Length && pattern[_at] == '{':
                    _at = pattern.IndexOf('}', _at) is var close and >= 0 ? close + 1 : throw new UnsupportedPatternException();
                    return Piece.Unknown;
                case 'k' when _at < pattern.Length && pattern[_at] is '<' or '\'':
                    _at = pattern.IndexOfAny(['>', '\''], _at + 1) is var end and >= 0 ? end + 1 : throw new UnsupportedPatternException();
                    return Piece.Unknown;
                default:
                    // \u4e00, \t, \1 …: coded characters and backreferences are not read here, so nothing is claimed.
                    throw new UnsupportedPatternException();
            }
        }

        /// <summary>[…]: a small positive class of plain characters is spelled out; any other class is unknown.</summary>
        private Piece Class()
        {
            _at++; // [
            var negated = _at < pattern.Length && pattern[_at] == '^';
            if (negated)
                _at++;
            var chars = new List<string>();
            var plain = !negated;
            var first = true;
            while (_at < pattern.Length && (pattern[_at] != ']' || first))
            {
                first = false;
                var c = pattern[_at];
                if (c == '\\')
                {
                    if (_at + 1 < pattern.Length && !char.IsAsciiLetterOrDigit(pattern[_at + 1]))
                        chars.Add(pattern[_at + 1].ToString());
                    else
                        plain = false;
                    _at += 2;
                    continue;
                }
                if (c == '[' || (c == '-' && chars.Count > 0 && _at + 1 < pattern.Length && pattern[_at + 1] != ']'))
                    plain = false; // a range or a subtraction
                chars.Add(c.ToString());
                _at++;
            }
            if (_at >= pattern.Length)
                throw new UnsupportedPatternException();
            _at++; // ]
            return plain && chars.Count <= MaxClassCharacters ? Piece.Of([.. chars.Distinct()]) : Piece.Unknown;
        }

        private Piece Group()
        {
            _at++; // (
            var lookaround = false;
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                var rest = pattern.AsSpan(_at);
                if (rest.StartsWith("?:") || rest.StartsWith("?>"))
                    _at += 2;
                else if (rest.StartsWith("?=") || rest.StartsWith("?!"))
                    (_at, lookaround) = (_at + 2, true);
                else if (rest.StartsWith("?<=") || rest.StartsWith("?<!"))
                    (_at, lookaround) = (_at + 3, true);
                else if (rest.StartsWith("?<") || rest.StartsWith("?'"))
                    _at = pattern.IndexOfAny(['>', '\''], _at + 2) is var close and >= 0 ? close + 1 : throw new UnsupportedPatternException();
                else
                    throw new UnsupportedPatternException(); // inline options, conditionals, comments
            }
            var inner = Alternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
                throw new UnsupportedPatternException();
            _at++;
            // A lookaround consumes nothing: what it looks for is not part of the match.
            return lookaround ? Piece.Empty : inner;
        }

        /// <summary>An optional quantifier after an atom: its least and greatest count (1, 1 without one; max −1 = no bound).</summary>
        private (int Min, int Max) Quantifier()
        {
            if (_at >= pattern.Length)
                return (1, 1);
            (int, int) bounds;
            switch (pattern[_at])
            {
                case '?':
                    bounds = (0, 1);
                    _at++;
                    break;
                case '*':
                    bounds = (0, -1);
                    _at++;
                    break;
                case '+':
                    bounds = (1, -1);
                    _at++;
                    break;
                case '{' when System.Text.RegularExpressions.Regex.Match(pattern[_at..], @"^\{(\d+)(,(\d*))?\}") is { Success: true } m:
                    var least = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var most = !m.Groups[2].Success ? least
                        : m.Groups[3].Value.Length == 0 ? -1
                        : int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                    bounds = (least, most);
                    _at += m.Length;
                    break;
                default:
                    return (1, 1);
            }
            if (_at < pattern.Length && pattern[_at] is '?' or '+')
                _at++; // lazy or possessive
            return bounds;
        }
    }
}
