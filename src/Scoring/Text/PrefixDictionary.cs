using System.Text;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// jieba's prefix dictionary (<c>gen_pfdict</c>) as a frozen trie: a node exists exactly where Python's FREQ has a
/// key (every word and every prefix of one), and carries the word's frequency (0 for a bare prefix) and its
/// part-of-speech tag. Root edges are a direct table; deeper edges are sorted per node. Immutable and shared by
/// every segmenter in the process; user words live in each segmenter's own <see cref="UserWordOverlay"/>.
/// </summary>
public sealed class PrefixDictionary
{
    public const int Root = 0;
    public const int None = -1;

    private readonly int[] _rootChild;     // char -> node, or None
    private readonly int[] _edgeStart;     // node -> first edge (nodes + 1 entries)
    private readonly char[] _edgeChar;     // sorted within a node
    private readonly int[] _edgeChild;
    private readonly int[] _frequency;
    private readonly double[] _logFrequency; // Math.Log(frequency) where frequency > 0
    private readonly string?[] _tag;

    private PrefixDictionary(int[] rootChild, int[] edgeStart, char[] edgeChar, int[] edgeChild, int[] frequency, string?[] tag, long total, int words)
    {
        _rootChild = rootChild;
        _edgeStart = edgeStart;
        _edgeChar = edgeChar;
        _edgeChild = edgeChild;
        _frequency = frequency;
        _tag = tag;
        _logFrequency = new double[frequency.Length];
        for (var i = 0; i < frequency.Length; i++)
            _logFrequency[i] = frequency[i] > 0 ? Math.Log(frequency[i]) : 0.0;
        Total = total;
        WordCount = words;
    }

    /// <summary>Σ of every dictionary line's frequency (Python's <c>total</c>).</summary>
    public long Total { get; }

    /// <summary>Lines in the dictionary file (distinct words).</summary>
    public int WordCount { get; }

    public int NodeCount => _frequency.Length;

    public int Child(int node, char c)
    {
        if (node == Root)
            return _rootChild[c];
        int lo = _edgeStart[node], hi = _edgeStart[node + 1] - 1;
        if (hi - lo < 8)
        {
            for (var i = lo; i <= hi; i++)
            {
                if (_edgeChar[i] == c)
                    return _edgeChild[i];
            }
            return None;
        }
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var key = _edgeChar[mid];
            if (key == c)
                return _edgeChild[mid];
            if (key < c)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return None;
    }

    public int Frequency(int node) => _frequency[node];

    public double LogFrequency(int node) => _logFrequency[node];

    public string? Tag(int node) => _tag[node];

    /// <summary>The node of a whole string, or <see cref="None"/> when it is neither a word nor a prefix of one.</summary>
    public int Find(ReadOnlySpan<char> text)
    {
        var node = Root;
        foreach (var c in text)
        {
            node = Child(node, c);
            if (node == None)
                return None;
        }
        return text.IsEmpty ? None : node;
    }

    /// <summary>Reads a dictionary in jieba's format, one <c>word freq [tag]</c> per line, exactly as <c>gen_pfdict</c>.</summary>
    public static PrefixDictionary Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static PrefixDictionary Load(Stream stream, string sourceName)
    {
        var builder = new Builder();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        var lineNumber = 0;
        long total = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim(AsciiWhitespace);
            var fields = line.Split(' ');
            if (fields.Length < 2 || !int.TryParse(fields[1], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var frequency))
                throw new JiebaDataException($"词典格式错误 invalid dictionary entry in {sourceName} at line {lineNumber}: '{line}' (expected 'word freq [tag]')");
            builder.Add(fields[0], frequency, fields.Length > 2 ? builder.Intern(fields[2]) : null);
            total += frequency;
        }
        return builder.Freeze(total, lineNumber);
    }

    /// <summary>Python's <c>bytes.strip()</c>: ASCII whitespace only.</summary>
    internal static readonly char[] AsciiWhitespace = [' ', '\t', '\n', '\r', '\v', '\f'];

    /// <summary>Builds the trie in a hash map, then lays each node's edges out sorted.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<long, int> _edges = new(1 << 20);
        private readonly List<int> _frequency = [0];
        private readonly List<string?> _tag = [null];
        private readonly int[] _rootChild = CreateRootTable();
        private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);

        /// <summary>A few dozen distinct tags over 350 000 lines: one string each.</summary>
        public string Intern(string tag)
        {
            if (_tags.TryGetValue(tag, out var known))
                return known;
            _tags[tag] = tag;
            return tag;
        }

        private static int[] CreateRootTable()
        {
            var table = new int[char.MaxValue + 1];
            Array.Fill(table, None);
            return table;
        }

        public void Add(string word, int frequency, string? tag)
        {
            var node = Root;
            foreach (var c in word)
            {
                int child;
                if (node == Root)
                {
                    child = _rootChild[c];
                    if (child == None)
                        _rootChild[c] = child = NewNode();
                }
                else
                {
                    var key = ((long)node << 16) | c;
                    if (!_edges.TryGetValue(key, out child))
                        _edges[key] = child = NewNode();
                }
                node = child;
            }
            if (node == Root)
                return;
            _frequency[node] = frequency; // a later line for the same word wins, as lfreq[word] = freq
            _tag[node] = tag;
        }

        private int NewNode()
        {
            _frequency.Add(0);
            _tag.Add(null);
            return _frequency.Count - 1;
        }

        public PrefixDictionary Freeze(long total, int words)
        {
            var nodes = _frequency.Count;
            var start = new int[nodes + 1];
            foreach (var key in _edges.Keys)
                start[(int)(key >> 16) + 1]++;
            for (var i = 0; i < nodes; i++)
                start[i + 1] += start[i];
            var fill = (int[])start.Clone();
            var chars = new char[_edges.Count];
            var children = new int[_edges.Count];
            foreach (var (key, child) in _edges)
            {
                var slot = fill[(int)(key >> 16)]++;
                chars[slot] = (char)(key & 0xFFFF);
                children[slot] = child;
            }
            for (var node = 0; node < nodes; node++)
                Array.Sort(chars, children, start[node], start[node + 1] - start[node]);
            return new PrefixDictionary(_rootChild, start, chars, children, [.. _frequency], [.. _tag], total, words);
        }
    }
}
