using System.Buffers;
using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// A pattern from the rule files (rules, dialogue cues, knowledge facts, repeat cues): the compiled regex, and for a
/// long alternation a screen — the literals every match contains (<see cref="RequiredLiterals"/>) looked for in one
/// multi-string search before the regex runs. Most sentences match no pattern, and the backtracking engine tries each
/// branch of a long alternation of Chinese phrases at every character: the N11 impatience pattern took 3.2 µs a
/// sentence, 0.7 with the screen. A short pattern is left alone: the search costs about 0.3 µs a sentence on Chinese
/// text (no vectorised path for non-ASCII strings), more than such a regex (README, the rules bench). Matches are always
/// the regex's own, so results do not change.
/// </summary>
public sealed class ScreenedRegex
{
    /// <summary>Patterns requiring fewer literals than this are not screened (measured on the shipped rule files).</summary>
    public const int MinLiteralsToScreen = 300;

    /// <summary>
    /// The match timeout of the rule, cue and knowledge patterns: it stops a catastrophic pattern (seconds to hours on one
    /// sentence), not a slow machine — 200 ms and then 1 s were hit on a loaded 2-core CI machine by patterns that take
    /// microseconds (the timer is wall-clock, and a starved thread counts).
    /// </summary>
    public static readonly TimeSpan CatastropheTimeout = TimeSpan.FromSeconds(10);

    private readonly SearchValues<string>? _screen;

    /// <summary>A long alternation's branches, read one by one where their literals occur (<see cref="BranchScreen"/>).</summary>
    private readonly BranchScreen? _branches;

    /// <summary>The rule set's shared screen and this pattern's place in it (<see cref="LiteralScreen"/>), set at load.</summary>
    private (LiteralScreen Screen, int Index)? _shared;

    /// <param name="pattern">The rule file's pattern.</param>
    /// <param name="timeout">Stops a catastrophic pattern (seconds to hours on one sentence), not a slow machine.</param>
    /// <exception cref="ArgumentException">The pattern is not a valid regex.</exception>
    public ScreenedRegex(string pattern, TimeSpan timeout)
    {
        // Plain groups do not capture (ExplicitCapture): only the match is read, and tracking captures in the long
        // alternations of the rule files cost a tenth of the rules' time. A named group still captures, for \k<x>.
        Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, timeout);
        Literals = RequiredLiterals.Of(pattern) ?? [];
        if (Screens(Literals))
            _screen = SearchValues.Create([.. Literals], StringComparison.Ordinal);
        _branches = BranchScreen.For(pattern, timeout);
    }

    /// <summary>The literals a pattern is screened by, or null where it is not screened (too short a list, or none).</summary>
    internal static IReadOnlyList<string>? ScreenLiterals(string pattern) =>
        RequiredLiterals.Of(pattern) is { } literals && Screens(literals) ? literals : null;

    private static bool Screens(IReadOnlyList<string> literals) => literals.Count >= MinLiteralsToScreen;

    /// <summary>The compiled regex every match comes from.</summary>
    public Regex Regex { get; }

    /// <summary>Strings one of which every match contains (empty where none could be read from the pattern).</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>Whether sentences are screened before the regex runs.</summary>
    public bool IsScreened => _screen is not null;

    /// <summary>Whether the rule set's shared screen reads this pattern's literals (then a whole sentence is screened there).</summary>
    internal bool IsShared => _shared is not null;

    internal void Share(LiteralScreen screen, int index) => _shared = (screen, index);

    /// <summary>Whether the pattern is read branch by branch (<see cref="BranchScreen"/>).</summary>
    internal bool IsBranchScreened => _branches is not null;

    public bool IsMatch(string text) => Passes(text) && (_branches?.IsMatch(text) ?? Regex.IsMatch(text));

    /// <summary>Whether a match anywhere in <paramref name="text"/> is possible at all (one of the literals occurs): when it
    /// is not, no part of the text can match either.</summary>
    public bool MayMatch(string text) => Passes(text);

    public bool IsMatch(ReadOnlySpan<char> text) => Passes(text) && (_branches?.IsMatch(text) ?? Regex.IsMatch(text));

    public Match Match(string text)
    {
        if (!Passes(text))
            return System.Text.RegularExpressions.Match.Empty;
        if (_branches is null)
            return Regex.Match(text);
        // Matched from where its first match starts, the whole pattern gives the match (and next matches) it gives from 0.
        var start = _branches.FirstMatchStart(text);
        return start < 0 ? System.Text.RegularExpressions.Match.Empty : Regex.Match(text, start);
    }

    /// <summary>A match within text[beginning..beginning+length], which the regex reads as the whole input.</summary>
    public Match Match(string text, int beginning, int length) =>
        Passes(text.AsSpan(beginning, length)) && (_branches?.MayMatch(text.AsSpan(beginning, length)) ?? true)
            ? Regex.Match(text, beginning, length)
            : System.Text.RegularExpressions.Match.Empty;

    public IEnumerable<Match> Matches(string text)
    {
        if (!Passes(text))
            return [];
        if (_branches is null)
            return Regex.Matches(text);
        var start = _branches.FirstMatchStart(text);
        return start < 0 ? [] : Regex.Matches(text, start);
    }

    public override string ToString() => Regex.ToString();

    private bool Passes(string text) => _shared is { } shared ? shared.Screen.MayMatch(shared.Index, text) : Passes(text.AsSpan());

    private bool Passes(ReadOnlySpan<char> text) => _screen is null || text.ContainsAny(_screen);
}
