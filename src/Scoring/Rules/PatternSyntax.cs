using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// A rule-file pattern read into a syntax tree once, for the analyses that look inside it: the literal screen
/// (<see cref="RequiredLiterals"/>) and the slow-pattern lint (<see cref="LeadingCharacters"/>). It reads the constructs
/// the rule files use — literals, escapes, classes, groups (plain, named, atomic), lookarounds, anchors, named
/// backreferences, alternation and quantifiers — as .NET does; anything else (inline options, conditionals, comments,
/// coded characters such as \u4e00, numbered backreferences) makes the pattern unreadable (null), and then neither
/// analysis claims anything.
/// </summary>
internal static partial class PatternSyntax
{
    /// <summary>A class with more distinct characters than this is read as wide (<see cref="CharSet.Chars"/> null).</summary>
    public const int MaxListedClass = 64;

    /// <summary>The top-level alternation of the pattern, or null where it uses a construct not read here.</summary>
    public static Alternation? Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var reader = new Reader(pattern);
        try
        {
            var whole = reader.Alternation();
            return reader.AtEnd ? whole : null; // a stray ')': the regex itself reports it
        }
        catch (UnreadableException)
        {
            return null;
        }
    }

    /// <summary>A piece of pattern, with where it stands in the text (Start inclusive, End exclusive).</summary>
    public abstract record Node(int Start, int End);

    /// <summary>branch | branch …</summary>
    public sealed record Alternation(IReadOnlyList<Sequence> Branches, int Start, int End) : Node(Start, End);

    /// <summary>Atoms one after another, each with its quantifier.</summary>
    public sealed record Sequence(IReadOnlyList<Quantified> Items, int Start, int End) : Node(Start, End);

    /// <summary>An atom repeated Min to Max times (Max −1: no bound; 1, 1 without a quantifier).</summary>
    public sealed record Quantified(Node Atom, int Min, int Max);

    public sealed record Literal(char Value, int Start, int End) : Node(Start, End);

    /// <summary>
    /// One character out of a set: a class, a dot, \d, \s, \p{…}. Chars lists the distinct characters in written order,
    /// null when the set is too wide to list (negated, a dot, \S, a wide range). Spellable: a small positive class of
    /// plain characters ([？?]), which the screen spells out; ranges, escaped letters and subtractions are not.
    /// </summary>
    public sealed record CharSet(IReadOnlyList<char>? Chars, bool Spellable, int Start, int End) : Node(Start, End);

    /// <summary>^, $, \b and the like: match the empty text at a place.</summary>
    public sealed record Anchor(int Start, int End) : Node(Start, End);

    /// <summary>(?=…), (?!…), (?&lt;=…), (?&lt;!…): zero-width; what they look for is not part of the match.</summary>
    public sealed record Lookaround(Alternation Inner, int Start, int End) : Node(Start, End);

    /// <summary>(…), (?:…), (?&lt;name&gt;…), (?'name'…), (?&gt;…).</summary>
    public sealed record Group(Alternation Inner, int Start, int End) : Node(Start, End);

    /// <summary>\k&lt;name&gt;: matches whatever the named group matched.</summary>
    public sealed record Backreference(int Start, int End) : Node(Start, End);

    private sealed class UnreadableException : Exception;

    /// <summary>A recursive-descent reading of the pattern text.</summary>
    private sealed partial class Reader(string pattern)
    {
        private const int MaxSpellableClass = 16;

        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        private bool Take(char c)
        {
            if (_at < pattern.Length && pattern[_at] == c)
            {
                _at++;
                return true;
            }
            return false;
        }

        public Alternation Alternation()
        {
            var start = _at;
            var branches = new List<Sequence>();
            do
                branches.Add(Sequence());
            while (Take('|'));
            return new(branches, start, _at);
        }

        private Sequence Sequence()
        {
            var start = _at;
            var items = new List<Quantified>();
            while (_at < pattern.Length && pattern[_at] is not ('|' or ')'))
            {
                var atom = Atom();
                var (min, max) = Quantifier();
                items.Add(new(atom, min, max));
            }
            return new(items, start, _at);
        }

        private Node Atom()
        {
            var start = _at;
            switch (pattern[_at])
            {
                case '\\':
                    return Escape();
                case '[':
                    return Class();
                case '(':
                    return Group();
                case '^' or '$':
                    _at++;
                    return new Anchor(start, _at);
                case '.':
                    _at++;
                    return new CharSet(null, false, start, _at);
                case '*' or '+' or '?':
                    throw new UnreadableException(); // a quantifier with nothing before it: the regex reports it
                case '{' when QuantifierBraces().IsMatch(pattern.AsSpan(_at)):
                    throw new UnreadableException();
                default:
                    _at++;
                    return new Literal(pattern[start], start, _at); // also a '{' that starts no quantifier, as in .NET
            }
        }

        private Node Escape()
        {
            var start = _at;
            if (_at + 1 >= pattern.Length)
                throw new UnreadableException();
            var next = pattern[_at + 1];
            _at += 2;
            if (!char.IsAsciiLetterOrDigit(next))
                return new Literal(next, start, _at); // \. \? \( … stand for themselves
            switch (next)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return new Anchor(start, _at);
                case 'd':
                    return new CharSet("0123456789".ToCharArray(), false, start, _at);
                case 'D' or 's' or 'S' or 'w' or 'W':
                    return new CharSet(null, false, start, _at);
                case 'p' or 'P' when _at < pattern.Length && pattern[_at] == '{':
                    _at = pattern.IndexOf('}', _at) is var close and >= 0 ? close + 1 : throw new UnreadableException();
                    return new CharSet(null, false, start, _at);
                case 'k' when _at < pattern.Length && pattern[_at] is '<' or '\'':
                    _at = pattern.IndexOfAny(['>', '\''], _at + 1) is var end and >= 0 ? end + 1 : throw new UnreadableException();
                    return new Backreference(start, _at);
                default:
                    throw new UnreadableException(); // \u4e00, \t, \1 …
            }
        }

        /// <summary>[…], with ranges expanded where narrow; [^…], an escaped letter other than \d, or a wide range is wide.</summary>
        private CharSet Class()
        {
            var start = _at;
            _at++; // [
            var negated = Take('^');
            var chars = new List<char>();
            var written = 0; // characters as written, for the screen's size limit
            var (wide, plain) = (negated, !negated);
            var first = true;
            while (_at < pattern.Length && (pattern[_at] != ']' || first))
            {
                first = false;
                var c = pattern[_at++];
                if (c == '\\')
                {
                    if (_at >= pattern.Length)
                        throw new UnreadableException();
                    var escaped = pattern[_at++];
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        plain = false;
                        if (escaped == 'd')
                            chars.AddRange("0123456789");
                        else
                            wide = true;
                        continue;
                    }
                    c = escaped;
                }
                else if (c == '[')
                {
                    plain = false; // a subtraction
                }
                if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    var last = pattern[_at + 1];
                    _at += 2;
                    plain = false;
                    if (last - c >= MaxListedClass)
                        wide = true;
                    else
                        for (var x = c; x <= last; x++)
                            chars.Add(x);
                    continue;
                }
                chars.Add(c);
                written++;
            }
            if (!Take(']'))
                throw new UnreadableException();
            var distinct = chars.Distinct().ToList();
            return new(wide || distinct.Count > MaxListedClass ? null : distinct, plain && written <= MaxSpellableClass, start, _at);
        }

        private Node Group()
        {
            var start = _at;
            _at++; // (
            var lookaround = Take('?') && LookaroundOrGroupName();
            var inner = Alternation();
            if (!Take(')'))
                throw new UnreadableException();
            return lookaround ? new Lookaround(inner, start, _at) : new Group(inner, start, _at);
        }

        /// <summary>After "(?": true for a lookaround; a non-capturing, atomic or named group is read past its name.</summary>
        private bool LookaroundOrGroupName()
        {
            if (Take(':') || Take('>'))
                return false;
            if (Take('=') || Take('!'))
                return true;
            var angle = Take('<');
            if (angle && (Take('=') || Take('!')))
                return true;
            if (!angle && !Take('\''))
                throw new UnreadableException(); // inline options, conditionals, comments
            _at = pattern.IndexOfAny(['>', '\''], _at) is var close and >= 0 ? close + 1 : throw new UnreadableException();
            return false;
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
                case '{' when QuantifierBraces().Match(pattern, _at) is { Success: true, Index: var index } m && index == _at:
                    var least = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    var most = !m.Groups[2].Success ? least
                        : m.Groups[3].Value.Length == 0 ? -1
                        : int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                    bounds = (least, most);
                    _at += m.Length;
                    break;
                default:
                    return (1, 1);
            }
            Take('?'); // lazy
            return bounds;
        }

        [GeneratedRegex(@"\G\{(\d+)(,(\d*))?\}")]
        private static partial Regex QuantifierBraces();
    }
}
