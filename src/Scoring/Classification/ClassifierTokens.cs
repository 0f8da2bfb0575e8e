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
            if (HasContent(word))
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
            if (HasContent(element))
                chars.Add("c:" + char.ToLowerInvariant(element[0]) + element[1..]);
        }
        return chars;
    }

    /// <summary>
    /// The model input of a text — speaker marker, word ids, separator 0, character ids; unknown tokens 0 — the same
    /// ids as <see cref="Of"/> then <see cref="TextFeatureSpace.Encode(List{string}, List{string}, Func{string, long})"/>,
    /// looked up without building a string per token: this runs on every sentence and clause of every call.
    /// </summary>
    public long[] Ids(string text, string? speaker, Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> vocabulary, SegmentationMemo? words = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ids([text], speaker, vocabulary, words);
    }

    /// <summary>
    /// The model input of texts read as one, joined by 。 (a call's customer turns for the category model): 。 is neither
    /// a word nor a character here, so this equals the ids of <c>string.Join('。', texts)</c>, but each text's words come
    /// from <paramref name="words"/> when it holds them (the sentences the act model and the rules already cut).
    /// </summary>
    public long[] Ids(IReadOnlyList<string> texts, string? speaker, Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> vocabulary, SegmentationMemo? words = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // Words cut by another segmenter (another dictionary) would not be this model's words.
        var memo = words is not null && ReferenceEquals(words.Segmenter, segmenter) ? words : null;
        var ids = new List<long>(texts.Sum(t => t.Length) + 2);
        if (speaker is not null)
            ids.Add(Id(vocabulary, "s:", speaker));
        foreach (var text in texts)
        {
            IReadOnlyList<WordSpan> spans;
            if (memo is not null)
                spans = memo.Spans(text);
            else
            {
                var cut = new List<WordSpan>();
                segmenter.Cut(text.AsSpan(), cut);
                spans = cut;
            }
            foreach (var span in spans)
            {
                var word = text.AsSpan(span.Start, span.Length);
                if (HasContent(word))
                    ids.Add(Id(vocabulary, "w:", word));
            }
        }
        ids.Add(0);
        foreach (var text in texts)
        {
            var rest = text.AsSpan();
            while (!rest.IsEmpty)
            {
                var length = TextElementLength(rest);
                var element = rest[..length];
                if (HasContent(element))
                    ids.Add(Id(vocabulary, "c:", element, lowerFirst: true));
                rest = rest[length..];
            }
        }
        return [.. ids];
    }

    /// <summary>The id of prefix + token (a character is keyed with its first char lower-cased, as in <see cref="Characters"/>).</summary>
    private static long Id(Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> vocabulary, string prefix, ReadOnlySpan<char> token, bool lowerFirst = false)
    {
        Span<char> key = token.Length <= 62 ? stackalloc char[64] : new char[token.Length + 2];
        prefix.AsSpan().CopyTo(key);
        token.CopyTo(key[prefix.Length..]);
        if (lowerFirst)
            key[prefix.Length] = LowerInvariant(token[0]);
        return vocabulary.TryGetValue(key[..(prefix.Length + token.Length)], out var id) ? id : 0;
    }

    /// <summary>
    /// <see cref="StringInfo.GetNextTextElementLength(ReadOnlySpan{char})"/>, answered without the grapheme tables when the
    /// first two characters are ones no grapheme rule joins (ASCII and Latin-1 but CR, Han ideographs, Chinese
    /// punctuation): below U+0300 and among these there is no combining, joining or prepended character.
    /// </summary>
    internal static int TextElementLength(ReadOnlySpan<char> text) =>
        text.Length == 1 || (text[0] != '\r' && IsUnjoinable(text[0]) && IsUnjoinable(text[1])) ? 1
            : StringInfo.GetNextTextElementLength(text);

    private static bool IsUnjoinable(char c) => c < '\u0300' || c is >= '\u4E00' and <= '\u9FFF' or '，' or '。' or '？' or '！' or '、' or '；' or '：';

    /// <summary>
    /// <see cref="char.ToLowerInvariant(char)"/> without its table lookup for the characters a hotline transcript is made
    /// of: Han ideographs have no case, ASCII lowers by arithmetic (the general call costs more than the rest of the lookup).
    /// </summary>
    internal static char LowerInvariant(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        < '\u0080' => c,
        >= '\u4E00' and <= '\u9FFF' => c,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>Whether a text has a letter or digit (a word, a character or a clause worth reading).</summary>
    internal static bool HasContent(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsContent(c))
                return true;
        }
        return false;
    }

    private static bool IsContent(char c) => char.IsLetterOrDigit(c);
}
