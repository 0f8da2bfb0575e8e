using System.Diagnostics.CodeAnalysis;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// One search over a sentence for the literals of every pattern of a rule set (its rules, dialogue cues and knowledge
/// facts) — an Aho–Corasick automaton — instead of one search per pattern: a rule set asks some twenty patterns of
/// every sentence, and most of them contain none of their literals, so their regexes need not run. The answer for a
/// sentence is kept per thread for the last few hundred sentence strings read, so the patterns asked of it later read a
/// bit. It only says which patterns cannot match (none of their literals occurs), never what matches: results do not
/// change.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A screen lives as long as its rule set; ThreadLocal's finalizer frees the memos of a dropped one.")]
internal sealed class LiteralScreen
{
    private const int Root = 0;

    /// <summary>Goto edges: (state &lt;&lt; 16 | character) → state.</summary>
    private readonly Dictionary<long, int> _edges;

    private readonly int[] _failure;

    /// <summary>Per state, the patterns one of whose literals ends there (through failure links too); null where none.</summary>
    private readonly int[]?[] _outputs;

    private readonly int _words;

    /// <summary>
    /// The candidates of the sentences this thread read last, by reference (a call's sentences are asked many times).
    /// Not a ConditionalWeakTable: its dependent handles, one per sentence, made every gen-0 collection slower than the
    /// scans it saved (the rules bench with both models lost about a tenth).
    /// </summary>
    private readonly ThreadLocal<Dictionary<string, ulong[]>> _seen = new(() => new(ReferenceEqualityComparer.Instance));

    /// <summary>More than a five-minute call's sentences and clauses; the memo is emptied when it holds more.</summary>
    private const int Remembered = 512;

    private LiteralScreen(Dictionary<long, int> edges, int[] failure, int[]?[] outputs, int patterns)
    {
        (_edges, _failure, _outputs) = (edges, failure, outputs);
        _words = (patterns + 63) / 64;
    }

    /// <summary>
    /// Screens the patterns that have literals with one shared automaton. A pattern already screened by another screen
    /// (a knowledge file shared by two rule sets) keeps that one; a pattern without literals is always run.
    /// </summary>
    public static void Attach(IEnumerable<ScreenedRegex> patterns)
    {
        var members = patterns.Where(p => p.Literals.Count > 0 && !p.IsShared).Distinct().ToList();
        if (members.Count == 0)
            return;
        var edges = new Dictionary<long, int>();
        var ends = new List<List<int>?> { null };
        for (var index = 0; index < members.Count; index++)
        {
            foreach (var literal in members[index].Literals)
            {
                var state = Root;
                foreach (var c in literal)
                {
                    var key = Key(state, c);
                    if (!edges.TryGetValue(key, out var next))
                    {
                        next = ends.Count;
                        ends.Add(null);
                        edges[key] = next;
                    }
                    state = next;
                }
                (ends[state] ??= []).Add(index);
            }
        }
        var failure = new int[ends.Count];
        var outputs = new int[]?[ends.Count];
        // Breadth first, so that a state's failure target (a shorter suffix) is complete before the state is.
        var children = edges.GroupBy(e => (int)(e.Key >> 16)).ToDictionary(g => g.Key, g => g.Select(e => ((char)e.Key, e.Value)).ToList());
        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (!children.TryGetValue(state, out var next))
                continue;
            foreach (var (c, child) in next)
            {
                var fail = Root;
                if (state != Root)
                {
                    var f = failure[state];
                    while (!edges.TryGetValue(Key(f, c), out fail))
                    {
                        if (f == Root)
                        {
                            fail = Root;
                            break;
                        }
                        f = failure[f];
                    }
                }
                failure[child] = fail;
                var own = ends[child];
                var inherited = outputs[fail];
                outputs[child] = own is null ? inherited : [.. own.Concat(inherited ?? []).Distinct()];
                queue.Enqueue(child);
            }
        }
        var screen = new LiteralScreen(edges, failure, outputs, members.Count);
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
            seen[text] = candidates = Scan(text);
        }
        return (candidates[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private ulong[] Scan(string text)
    {
        var candidates = new ulong[_words];
        var state = Root;
        foreach (var c in text)
        {
            while (true)
            {
                if (_edges.TryGetValue(Key(state, c), out var next))
                {
                    state = next;
                    break;
                }
                if (state == Root)
                    break;
                state = _failure[state];
            }
            if (_outputs[state] is { } found)
            {
                foreach (var index in found)
                    candidates[index >> 6] |= 1UL << (index & 63);
            }
        }
        return candidates;
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
