using System.Diagnostics.CodeAnalysis;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// One search over a sentence for the literals of every pattern of a rule set (its rules, dialogue cues and knowledge
/// facts) — an Aho–Corasick automaton (<see cref="LiteralAutomaton"/>) — instead of one search per pattern: a rule set
/// asks some twenty patterns of every sentence, and most of them contain none of their literals, so their regexes need
/// not run. The answer for a sentence is kept per thread for the last few hundred sentence strings read, so the
/// patterns asked of it later read a bit. It only says which patterns cannot match (none of their literals occurs),
/// never what matches: results do not change.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A screen lives as long as its rule set; ThreadLocal's finalizer frees the memos of a dropped one.")]
internal sealed class LiteralScreen
{
    private readonly LiteralAutomaton _automaton;

    /// <summary>
    /// The candidates of the sentences this thread read last, by reference (a call's sentences are asked many times).
    /// Not a ConditionalWeakTable: its dependent handles, one per sentence, made every gen-0 collection slower than the
    /// scans it saved (the rules bench with both models lost about a tenth).
    /// </summary>
    private readonly ThreadLocal<Dictionary<string, ulong[]>> _seen = new(() => new(ReferenceEqualityComparer.Instance));

    /// <summary>More than a five-minute call's sentences and clauses; the memo is emptied when it holds more.</summary>
    private const int Remembered = 512;

    private LiteralScreen(LiteralAutomaton automaton) => _automaton = automaton;

    /// <summary>
    /// Screens the patterns that have literals with one shared automaton. A pattern already screened by another screen
    /// (a knowledge file shared by two rule sets) keeps that one; a pattern without literals is always run.
    /// </summary>
    public static void Attach(IEnumerable<ScreenedRegex> patterns)
    {
        var members = patterns.Where(p => p.Literals.Count > 0 && !p.IsShared).Distinct().ToList();
        if (members.Count == 0)
            return;
        var screen = new LiteralScreen(new LiteralAutomaton([.. members.Select(m => m.Literals)]));
        for (var index = 0; index < members.Count; index++)
            members[index].Share(screen, index);
    }

    /// <summary>Whether one of pattern <paramref name="index"/>'s literals occurs in <paramref name="text"/>.</summary>
    public bool MayMatch(int index, string text)
    {
        var seen = _seen.Value!;
        if (!seen.TryGetValue(text, out var candidates))
        {
            if (seen.Count >= Remembered)
                seen.Clear();
            seen[text] = candidates = _automaton.Scan(text);
        }
        return LiteralAutomaton.Has(candidates, index);
    }
}
