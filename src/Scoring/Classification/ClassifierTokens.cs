using System.Globalization;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// A text as the classifier sees it: its jieba words (punctuation and spaces dropped), then its characters
/// (Han, letters, digits). Words are keyed "w:…" and characters "c:…" so the two never share an id.
/// </summary>
public sealed class ClassifierTokens(WordSegmenter segmenter)
{
    /// <summary>
    /// A text's words and characters; with a speaker, the marker "s:agent" / "s:customer" is the first word, so the
    /// model learns a prior per speaker and word bigrams that start the utterance (s:customer + 您好 is not a greeting).
    /// </summary>
    public (List<string> Words, List<string> Chars) Of(string text, string? speaker = null)
    {
        var words = Words(text);
        if (speaker is not null)
            words.Insert(0, SpeakerMarker(speaker));
        return (words, Characters(text));
    }

    public static string SpeakerMarker(string speaker) => "s:" + speaker;

    public List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in segmenter.Cut(text))
        {
            if (word.Any(IsContent))
                words.Add("w:" + word);
        }
        return words;
    }

    public static List<string> Characters(string text)
    {
        var chars = new List<string>(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            if (element.Any(IsContent))
                chars.Add("c:" + char.ToLowerInvariant(element[0]) + element[1..]);
        }
        return chars;
    }

    private static bool IsContent(char c) => char.IsLetterOrDigit(c);
}
