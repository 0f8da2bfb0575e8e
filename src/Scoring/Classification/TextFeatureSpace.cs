namespace SpeechQa.Scoring.Classification;

/// <summary>
/// The model's vocabulary and features. Tokens (words and characters) get ids from 1; id 0 separates the word
/// part from the character part and stands for unknown tokens, so no n-gram spans it. Features are word 1–2-grams
/// and character 1–3-grams over those ids, each with an IDF weight; a text's vector is term count × IDF,
/// L2-normalised — exactly what the exported ONNX graph (TfIdfVectorizer → L2) computes.
/// </summary>
public sealed class TextFeatureSpace
{
    public const int MaxWordGram = 2;
    public const int MaxCharGram = 3;

    private readonly Dictionary<string, int> _tokenIds;
    private readonly Dictionary<NGram, int> _features;

    public TextFeatureSpace(IReadOnlyList<string> tokens, IReadOnlyList<long[]> ngrams, IReadOnlyList<float> idf)
    {
        if (tokens.Count == 0 || tokens[0] != Separator)
            throw new ArgumentException("token 0 must be the separator", nameof(tokens));
        if (ngrams.Count != idf.Count)
            throw new ArgumentException($"{ngrams.Count} n-grams but {idf.Count} IDF weights", nameof(idf));
        Tokens = tokens;
        NGrams = ngrams;
        Idf = idf;
        _tokenIds = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
            _tokenIds[tokens[i]] = i;
        _features = new Dictionary<NGram, int>(ngrams.Count);
        for (var f = 0; f < ngrams.Count; f++)
            _features[new NGram(ngrams[f])] = f;
    }

    public const string Separator = "<sep>";

    /// <summary>Token strings by id (id 0 is the separator).</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Features in ONNX pool order: all 1-grams, then 2-grams, then 3-grams.</summary>
    public IReadOnlyList<long[]> NGrams { get; }

    public IReadOnlyList<float> Idf { get; }

    public int Dimension => NGrams.Count;

    /// <summary>Builds the space from tokenised training texts: n-grams in at least <paramref name="minDocuments"/> texts, the most frequent first up to <paramref name="maxFeatures"/>.</summary>
    public static TextFeatureSpace Build(IReadOnlyList<(List<string> Words, List<string> Chars)> texts, int minDocuments = 2, int maxFeatures = 60_000)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (words, chars) in texts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            AddGrams(words, MaxWordGram, seen);
            AddGrams(chars, MaxCharGram, seen);
            foreach (var gram in seen)
                documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
        }
        var kept = documentFrequency.Where(kv => kv.Value >= minDocuments)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(maxFeatures)
            .Select(kv => (Parts: kv.Key.Split('\u0001'), Df: kv.Value))
            .OrderBy(g => g.Parts.Length).ThenBy(g => string.Join('\u0001', g.Parts), StringComparer.Ordinal).ToList();
        var tokens = new List<string> { Separator };
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        long Id(string token)
        {
            if (!ids.TryGetValue(token, out var id))
            {
                id = tokens.Count;
                tokens.Add(token);
                ids[token] = id;
            }
            return id;
        }
        var ngrams = kept.Select(g => g.Parts.Select(Id).ToArray()).ToList();
        var n = texts.Count;
        var idf = kept.Select(g => (float)(Math.Log((1.0 + n) / (1.0 + g.Df)) + 1.0)).ToList();
        return new TextFeatureSpace(tokens, ngrams, idf);
    }

    /// <summary>Token ids of a text: words, separator, characters (unknown tokens become 0).</summary>
    public long[] Encode(List<string> words, List<string> chars) => Encode(words, chars, t => _tokenIds.GetValueOrDefault(t));

    /// <summary>Words, separator 0, characters, each mapped by <paramref name="idOf"/> (0 for unknown): the model's input layout.</summary>
    public static long[] Encode(List<string> words, List<string> chars, Func<string, long> idOf)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(chars);
        ArgumentNullException.ThrowIfNull(idOf);
        var ids = new long[words.Count + 1 + chars.Count];
        var i = 0;
        foreach (var w in words)
            ids[i++] = idOf(w);
        ids[i++] = 0;
        foreach (var c in chars)
            ids[i++] = idOf(c);
        return ids;
    }

    /// <summary>The L2-normalised TF-IDF vector of a token-id sequence, as sorted (feature, value) pairs.</summary>
    public SparseVector Vectorize(ReadOnlySpan<long> ids)
    {
        var counts = new Dictionary<int, int>();
        for (var start = 0; start < ids.Length; start++)
        {
            for (var length = 1; length <= MaxCharGram && start + length <= ids.Length; length++)
            {
                var gram = ids.Slice(start, length);
                if (gram[^1] == 0)
                    break; // id 0 breaks every n-gram through it
                if (_features.TryGetValue(new NGram(gram.ToArray()), out var f))
                    counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        }
        var indices = counts.Keys.Order().ToArray();
        var values = new double[indices.Length];
        double norm = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            values[k] = counts[indices[k]] * (double)Idf[indices[k]];
            norm += values[k] * values[k];
        }
        norm = Math.Max(Math.Sqrt(norm), NormFloor);
        for (var k = 0; k < values.Length; k++)
            values[k] /= norm;
        return new SparseVector(indices, values);
    }

    /// <summary>Below this a vector is left unscaled (an empty text): the ONNX graph uses the same floor.</summary>
    public const double NormFloor = 1e-6;

    private static void AddGrams(List<string> tokens, int maxLength, HashSet<string> seen)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var length = 1; length <= maxLength && start + length <= tokens.Count; length++)
                seen.Add(string.Join('\u0001', tokens.GetRange(start, length)));
        }
    }

    private readonly struct NGram(long[] ids) : IEquatable<NGram>
    {
        private readonly long[] _ids = ids;

        public bool Equals(NGram other) => _ids.AsSpan().SequenceEqual(other._ids);

        public override bool Equals(object? obj) => obj is NGram other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var id in _ids)
                hash.Add(id);
            return hash.ToHashCode();
        }
    }
}
