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

    /// <summary>The character tokens of a text (every letter or digit, lower-cased): what substring matching runs on.</summary>
    public static List<string> Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new List<string>(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                chars.Add(char.ToLowerInvariant(c).ToString());
        }
        return chars;
    }
}
