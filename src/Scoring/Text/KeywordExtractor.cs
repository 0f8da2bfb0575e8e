namespace SpeechQa.Scoring.Text;

/// <summary>
/// jieba's TF-IDF keywords (<c>jieba.analyse.extract_tags</c>): precise-mode words, those shorter than two
/// characters or in the stop list dropped, weight = term frequency × idf (the median idf for unknown words),
/// highest first, ties in order of first appearance.
/// </summary>
public sealed class KeywordExtractor
{
    /// <summary>jieba's built-in stop words (KeywordExtractor.STOP_WORDS).</summary>
    public static readonly IReadOnlySet<string> JiebaStopWords = new HashSet<string>(
        ["the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can",
         "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or"], StringComparer.Ordinal);

    private readonly WordSegmenter _segmenter;
    private readonly IdfTable _idf;
    private readonly HashSet<string> _stopWords;

    public KeywordExtractor(WordSegmenter segmenter, IdfTable idf, IEnumerable<string>? extraStopWords = null)
    {
        _segmenter = segmenter;
        _idf = idf;
        _stopWords = new HashSet<string>(JiebaStopWords, StringComparer.Ordinal);
        foreach (var word in extraStopWords ?? [])
            _stopWords.Add(word);
    }

    /// <summary>A stop-word file: one word per line (jieba's <c>set_stop_words</c>), UTF-8.</summary>
    public static IEnumerable<string> ReadStopWords(string path) =>
        File.ReadAllText(path).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>Python's len(): code points, so an emoji is one character.</summary>
    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    public IReadOnlyList<(string Word, double Weight)> Extract(string text, int top = 20)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var word in _segmenter.Cut(text))
        {
            if (CodePoints(word.Trim()) < 2 || _stopWords.Contains(word.ToLowerInvariant()))
                continue;
            if (counts.TryGetValue(word, out var count))
            {
                counts[word] = count + 1.0;
            }
            else
            {
                counts[word] = 1.0;
                order.Add(word);
            }
        }
        var total = 0.0;
        foreach (var word in order)
            total += counts[word];
        var weighted = order.Select(word => (Word: word, Weight: counts[word] * (_idf[word] / total)));
        // OrderByDescending is stable, as Python's sorted(..., reverse=True).
        var ranked = weighted.OrderByDescending(pair => pair.Weight);
        return [.. top > 0 ? ranked.Take(top) : ranked];
    }
}
