using System.Buffers;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>
/// 关键词检查: any / all / at least N / none of the words (each with its synonyms), within one sentence or across
/// the scope; on characters (substring) or on segmented words (token sequence, so 水表 does not match 水表井…
/// unless asked).
/// </summary>
public sealed class KeywordCondition : Condition
{
    public required KeywordMode Mode { get; init; }

    /// <summary>Each entry: a word and its synonyms, any of which counts as that word.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Words { get; init; }

    public int AtLeast { get; init; } = 1;

    public bool AcrossSentences { get; init; }

    public bool OnWords { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    /// <summary>
    /// Every synonym of every word, looked for in one search before the words are looked for one by one: most sentences
    /// hold none, and F02's forty words with their exclusions took a third of a call's rule time one by one.
    /// A word matched on segmented words is also a substring, so the screen holds for both modes. Built on first use
    /// (the loader sets <see cref="Words"/> by initialiser); two threads building it at once build the same thing.
    /// </summary>
    private SearchValues<string> AnySynonym => field ??= SearchValues.Create([.. Words.SelectMany(w => w).Distinct()], StringComparison.Ordinal);

    /// <summary>
    /// Whether a sentence can hold one of the words at all: one synonym occurs somewhere in it, and it is not excluded
    /// (the one search first: it rejects most sentences, and an exclusion list is a search per phrase).
    /// </summary>
    private bool MayHoldWord(CallView call, int sentence)
    {
        var text = call.Sentences[sentence].Text;
        return text.AsSpan().ContainsAny(AnySynonym) && !Guards.ExcludesSentence(text);
    }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (Mode == KeywordMode.None)
        {
            // Holds (once, call level) when no sentence in scope has any of the words.
            foreach (var i in sentences)
            {
                if (MayHoldWord(call, i) && FirstFound(call, i) is not null)
                    yield break;
            }
            yield return AbsenceEvidence(call, sentences);
            yield break;
        }

        var needed = Mode switch { KeywordMode.All => Words.Count, KeywordMode.AtLeast => AtLeast, _ => 1 };
        if (AcrossSentences)
        {
            var found = new HashSet<int>();
            var matches = new List<ConditionMatch>();
            foreach (var i in sentences)
            {
                if (!MayHoldWord(call, i))
                    continue;
                for (var w = 0; w < Words.Count; w++)
                {
                    if (Occurrence(call, i, Words[w]) is { } text)
                    {
                        if (found.Add(w))
                            matches.Add(Match(call, i, text));
                    }
                }
            }
            if (found.Count >= needed)
                foreach (var match in matches)
                    yield return match;
            yield break;
        }

        foreach (var i in sentences)
        {
            if (!MayHoldWord(call, i))
                continue;
            var hits = 0;
            string? first = null;
            for (var w = 0; w < Words.Count && (Mode != KeywordMode.Any || first is null); w++)
            {
                if (Occurrence(call, i, Words[w]) is { } text)
                {
                    hits++;
                    first ??= text;
                }
            }
            if (hits >= needed && first is not null)
                yield return Match(call, i, Mode == KeywordMode.Any ? first : string.Join("、", Words.Where(w => Occurrence(call, i, w) is not null).Select(w => w[0])));
        }
    }

    private string? FirstFound(CallView call, int sentence)
    {
        foreach (var word in Words)
        {
            if (Occurrence(call, sentence, word) is { } text)
                return text;
        }
        return null;
    }

    /// <summary>
    /// The first synonym of the word that occurs in the sentence (not negated, not quoted), if any; only asked of a
    /// sentence <see cref="MayHoldWord"/> lets through, so the sentence's exclusions are read once, not once per word.
    /// </summary>
    private string? Occurrence(CallView call, int sentence, IReadOnlyList<string> synonyms)
    {
        var text = call.Sentences[sentence].Text;
        foreach (var synonym in synonyms)
        {
            var at = OnWords ? WordOffset(call, sentence, synonym) : text.IndexOf(synonym, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!Guards.Discounts(text, at))
                    return synonym;
                at = OnWords ? -1 : text.IndexOf(synonym, at + 1, StringComparison.Ordinal);
            }
        }
        return null;
    }

    /// <summary>Character offset of a token sequence that spells the keyword exactly, or -1.</summary>
    private static int WordOffset(CallView call, int sentence, string keyword)
    {
        var words = call.WordsOf(sentence);
        var offset = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var length = 0;
            for (var j = i; j < words.Count && length < keyword.Length; j++)
            {
                length += words[j].Length;
                if (length == keyword.Length && string.CompareOrdinal(call.Sentences[sentence].Text, offset, keyword, 0, keyword.Length) == 0)
                    return offset;
            }
            offset += words[i].Length;
        }
        return -1;
    }

    private static ConditionMatch Match(CallView call, int sentence, string text)
    {
        var s = call.Sentences[sentence];
        return new ConditionMatch(sentence, s.Start, s.End, text);
    }

    private static ConditionMatch AbsenceEvidence(CallView call, IReadOnlyList<int> sentences)
    {
        if (sentences.Count == 0)
            return new ConditionMatch(-1, 0, call.Duration, "范围内没有语句 no sentence in range");
        var first = call.Sentences[sentences[0]];
        var last = call.Sentences[sentences[^1]];
        return new ConditionMatch(sentences[0], first.Start, last.End, "未出现 absent");
    }
}

public enum KeywordMode
{
    Any,
    All,
    AtLeast,
    None,
}
