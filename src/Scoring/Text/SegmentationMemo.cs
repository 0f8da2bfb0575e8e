namespace SpeechQa.Scoring.Text;

/// <summary>
/// The jieba words of the texts of one call, cut once: the rules' word conditions, the dialogue-act model and the
/// category model read the same sentences, and segmentation is a tenth of a call's scoring time. One per call (not
/// shared across calls or threads); keyed by the text itself, so the same text always has the same words.
/// </summary>
public sealed class SegmentationMemo(WordSegmenter segmenter)
{
    private readonly Dictionary<string, List<WordSpan>> _spans = new(StringComparer.Ordinal);

    public WordSegmenter Segmenter { get; } = segmenter;

    /// <summary>The words of <paramref name="text"/> as slices of it (precise mode, HMM on: what every reader uses).</summary>
    public IReadOnlyList<WordSpan> Spans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_spans.TryGetValue(text, out var spans))
        {
            spans = [];
            Segmenter.Cut(text.AsSpan(), spans);
            _spans[text] = spans;
        }
        return spans;
    }
}
