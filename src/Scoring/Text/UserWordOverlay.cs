namespace SpeechQa.Scoring.Text;

/// <summary>
/// One segmenter's own additions to the shared <see cref="PrefixDictionary"/>: new trie nodes and edges, changed
/// frequencies and tags, the words deleted (frequency 0, which jieba then always splits into characters) and the
/// grown total. Filled while the segmenter is built, then never changed, so segmenters stay thread-safe and user
/// dictionaries never leak from one instance into another (jieba.NET's shared dictionary does).
/// </summary>
internal sealed class UserWordOverlay
{
    private readonly Dictionary<long, int> _edges;
    private readonly Dictionary<int, long> _frequency;
    private readonly Dictionary<int, string> _tag;
    private readonly HashSet<string> _forceSplit;
    private int _nextNode;

    public UserWordOverlay(PrefixDictionary dictionary)
    {
        _edges = [];
        _frequency = [];
        _tag = [];
        _forceSplit = new HashSet<string>(StringComparer.Ordinal);
        _nextNode = dictionary.NodeCount;
        Total = dictionary.Total;
    }

    public UserWordOverlay(UserWordOverlay other)
    {
        _edges = new Dictionary<long, int>(other._edges);
        _frequency = new Dictionary<int, long>(other._frequency);
        _tag = new Dictionary<int, string>(other._tag);
        _forceSplit = new HashSet<string>(other._forceSplit, StringComparer.Ordinal);
        _nextNode = other._nextNode;
        Total = other.Total;
    }

    public long Total { get; private set; }

    public IReadOnlySet<string> ForceSplit => _forceSplit;

    public int Child(int node, char c) => _edges.TryGetValue(((long)node << 16) | c, out var child) ? child : PrefixDictionary.None;

    public bool TryGetFrequency(int node, out long frequency) => _frequency.TryGetValue(node, out frequency);

    public string? Tag(int node) => _tag.GetValueOrDefault(node);

    /// <summary>jieba's <c>add_word</c>: the word's frequency set, the total grown by it, missing prefixes added with 0.</summary>
    public void Add(string word, long frequency, string? tag, Func<int, char, int> child)
    {
        var node = PrefixDictionary.Root;
        foreach (var c in word)
        {
            var next = child(node, c);
            if (next == PrefixDictionary.None)
            {
                next = _nextNode++;
                _edges[((long)node << 16) | c] = next;
                _frequency[next] = 0;
            }
            node = next;
        }
        _frequency[node] = frequency;
        Total += frequency;
        if (!string.IsNullOrEmpty(tag))
            _tag[node] = tag;
        if (frequency == 0)
            _forceSplit.Add(word);
    }
}
