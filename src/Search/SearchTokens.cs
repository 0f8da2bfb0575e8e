using SpeechQa.Scoring.Text;

namespace SpeechQa.Search;

/// <summary>
/// How text becomes index tokens, the same for indexing and for queries: jieba precise mode with the hotline
/// dictionary, tokens without a letter or digit dropped, Latin letters lower-cased.
/// </summary>
public sealed class SearchTokens(WordSegmenter segmenter)
{
    public List<string> Of(string text)
    {
        var tokens = new List<string>();
        foreach (var word in segmenter.Cut(text))
        {
            if (word.Any(char.IsLetterOrDigit))
                tokens.Add(word.ToLowerInvariant());
        }
        return tokens;
    }
}
