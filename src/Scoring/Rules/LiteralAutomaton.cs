namespace SpeechQa.Scoring.Rules;

/// <summary>
/// An Aho–Corasick automaton over the literals of several members (patterns, or the branches of one pattern): one pass
/// over a text says which members have one of their literals in it. It says nothing about matches, only which members
/// cannot match.
/// </summary>
internal sealed class LiteralAutomaton
{
    private const int Root = 0;

    /// <summary>Goto edges: (state &lt;&lt; 16 | character) → state.</summary>
    private readonly Dictionary<long, int> _edges;

    private readonly int[] _failure;

    /// <summary>Per state, the members one of whose literals ends there (through failure links too); null where none.</summary>
    private readonly int[]?[] _outputs;

    /// <param name="literals">Per member, its literals (none: the member is never a candidate).</param>
    public LiteralAutomaton(IReadOnlyList<IReadOnlyList<string>> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        Words = (literals.Count + 63) / 64;
        var edges = new Dictionary<long, int>();
        var ends = new List<List<int>?> { null };
        for (var index = 0; index < literals.Count; index++)
        {
            foreach (var literal in literals[index])
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
        (_edges, _failure, _outputs) = (edges, failure, outputs);
    }

    /// <summary>The length of a candidate bit set (64 members a word).</summary>
    public int Words { get; }

    /// <summary>The members with a literal in <paramref name="text"/>, as bits (member i: word i / 64, bit i % 64).</summary>
    public ulong[] Scan(ReadOnlySpan<char> text)
    {
        var candidates = new ulong[Words];
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

    public static bool Has(ulong[] candidates, int member) => (candidates[member >> 6] & (1UL << (member & 63))) != 0;

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
