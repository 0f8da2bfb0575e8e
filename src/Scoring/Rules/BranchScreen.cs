using System.Numerics;
using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// A long alternation of a rule file read branch by branch. The backtracking engine tries every branch at every
/// character of a sentence, and the long patterns (F02's belittling, N11's impatience, F04's push-offs: a hundred and
/// more branches) took 17–36 µs a sentence that passed their literal screen. Here one pass finds the branches one of
/// whose literals occurs, each of those runs alone (a few, most sentences), and the earliest place any of them matches
/// is where the whole pattern's first match starts: no branch matches before it, so the whole pattern matched from
/// there gives the same match as from the start, and its next matches are the same too.
/// </summary>
internal sealed class BranchScreen
{
    /// <summary>Patterns with fewer top-level branches are run whole (measured on the shipped rule files).</summary>
    public const int MinBranches = 12;

    private readonly LiteralAutomaton _automaton;
    private readonly string[] _sources;
    private readonly Regex?[] _branches;
    private readonly TimeSpan _timeout;

    private BranchScreen(IReadOnlyList<(string Source, IReadOnlyList<string> Literals)> branches, TimeSpan timeout)
    {
        _automaton = new LiteralAutomaton([.. branches.Select(b => b.Literals)]);
        _sources = [.. branches.Select(b => b.Source)];
        _branches = new Regex?[_sources.Length];
        _timeout = timeout;
    }

    /// <summary>The screen of a pattern with enough branches, each requiring a literal; null for any other pattern.</summary>
    public static BranchScreen? For(string pattern, TimeSpan timeout) =>
        RequiredLiterals.OfBranches(pattern) is { Count: >= MinBranches } branches ? new BranchScreen(branches, timeout) : null;

    /// <summary>Where the pattern's first match in <paramref name="text"/> starts, or -1 where it has none.</summary>
    public int FirstMatchStart(string text)
    {
        var first = -1;
        foreach (var branch in Candidates(text))
        {
            var match = Branch(branch).Match(text);
            if (match.Success && (first < 0 || match.Index < first))
            {
                first = match.Index;
                if (first == 0)
                    break;
            }
        }
        return first;
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        foreach (var branch in Candidates(text))
        {
            if (Branch(branch).IsMatch(text))
                return true;
        }
        return false;
    }

    /// <summary>Whether any branch has a literal in the text (without it, no branch can match).</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => _automaton.Scan(text).Any(word => word != 0);

    /// <summary>The branches with a literal in the text, in the pattern's order.</summary>
    private List<int> Candidates(ReadOnlySpan<char> text)
    {
        var bits = _automaton.Scan(text);
        var candidates = new List<int>();
        for (var word = 0; word < bits.Length; word++)
        {
            for (var rest = bits[word]; rest != 0; rest &= rest - 1)
                candidates.Add(word * 64 + BitOperations.TrailingZeroCount(rest));
        }
        return candidates;
    }

    /// <summary>
    /// A branch's own regex, made the first time a sentence needs it (most branches of a long pattern are seldom
    /// candidates); interpreted, as a branch is short and a call reads a few. Two threads making it at once make the same.
    /// </summary>
    private Regex Branch(int index) =>
        _branches[index] ??= new Regex(_sources[index], RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, _timeout);
}
