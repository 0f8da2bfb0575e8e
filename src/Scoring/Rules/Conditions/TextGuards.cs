namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>
/// What keeps keyword rules from firing on context (the complaint about SCA-style keyword spotting): a sentence
/// with an exclusion phrase does not count, an occurrence right after a negation word does not count (不能保证),
/// and with the quote guard an occurrence the agent quotes from the customer (您说"活该"…) does not count.
/// </summary>
public sealed record TextGuards(IReadOnlyList<string> Exclude, IReadOnlyList<string> NegatedBy, bool QuoteGuard)
{
    public static readonly TextGuards None = new([], [], false);

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。？！?!");

    private static readonly string[] QuoteCues = ["您说", "你说", "您是说", "你是说", "您刚才说", "您刚说", "客户说", "他说", "她说"];

    public bool ExcludesSentence(string text)
    {
        foreach (var phrase in Exclude)
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Whether the occurrence at <paramref name="at"/> is negated or quoted.</summary>
    public bool Discounts(string text, int at)
    {
        foreach (var negation in NegatedBy)
        {
            var from = Math.Max(0, at - negation.Length - 2); // allow a character or two between: 不能给您保证
            var window = text.AsSpan(from, at - from);
            if (window.Contains(negation, StringComparison.Ordinal))
                return true;
        }
        if (!QuoteGuard)
            return false;
        var before = text.AsSpan(0, at);
        if (before.LastIndexOfAny('“', '"', '「') > before.LastIndexOfAny('”', '"', '」') || CountOf(before, '"') % 2 == 1)
            return true;
        // A quote runs to the end of its sentence: 您说的是阶梯水价。第二阶梯是5块03 quotes nothing after the 。.
        var sentence = before[(before.LastIndexOfAny(SentenceEnds) + 1)..];
        foreach (var cue in QuoteCues)
        {
            for (var k = sentence.IndexOf(cue, StringComparison.Ordinal); k >= 0; k = NextIndex(sentence, cue, k))
            {
                if (!IsTelling(sentence, k, cue.Length))
                    return true;
            }
        }
        return false;
    }

    private static int NextIndex(ReadOnlySpan<char> text, string cue, int previous)
    {
        var next = text[(previous + 1)..].IndexOf(cue, StringComparison.Ordinal);
        return next < 0 ? -1 : previous + 1 + next;
    }

    /// <summary>
    /// 跟您说明一下 / 我跟您说 / 您说一下 tell or ask: they quote nothing the customer said. 工作人员跟您说… / 她跟你说… reports
    /// what someone else told the caller: a quote.
    /// </summary>
    private static bool IsTelling(ReadOnlySpan<char> sentence, int at, int length)
    {
        if (at > 0 && sentence[at - 1] is '跟' or '和' or '给' or '向' or '对')
            return !(at > 1 && sentence[at - 2] is '他' or '她' or '员' or '傅' or '家');
        var after = sentence[(at + length)..];
        return after.StartsWith("明", StringComparison.Ordinal) || after.StartsWith("一下", StringComparison.Ordinal)
            || after.StartsWith("清楚", StringComparison.Ordinal);
    }

    private static int CountOf(ReadOnlySpan<char> text, char c)
    {
        var n = 0;
        foreach (var x in text)
        {
            if (x == c)
                n++;
        }
        return n;
    }
}
