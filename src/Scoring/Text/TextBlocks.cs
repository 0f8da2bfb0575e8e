namespace SpeechQa.Scoring.Text;

/// <summary>
/// jieba's character classes: <c>re_han_default</c> (the blocks the dictionary cuts), <c>re_skip_default</c>'s
/// <c>\s</c> as Python 3 defines it (str.isspace), <c>re_eng</c>, and finalseg's <c>re_skip</c>.
/// </summary>
internal static class TextBlocks
{
    /// <summary>re_han_default: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>.</summary>
    public static bool IsBlockChar(char c) =>
        c is >= UnknownWordHmm.FirstHan and <= UnknownWordHmm.LastHan || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    public static bool IsHan(char c) => c is >= UnknownWordHmm.FirstHan and <= UnknownWordHmm.LastHan;

    /// <summary>re_eng: <c>[a-zA-Z0-9]</c>.</summary>
    public static bool IsEnglish(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Python 3's <c>\s</c> on str (= str.isspace): bidi classes WS, B, S and category Zs. Not .NET's
    /// char.IsWhiteSpace, which leaves out U+001C–U+001F.</summary>
    public static bool IsPythonSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>finalseg's re_skip <c>[a-zA-Z0-9]+(?:\.\d+)?%?</c> matched at <paramref name="at"/>: its length, or 0.</summary>
    public static int MatchSkip(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            i++;
        if (i == at)
            return 0;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        if (i < text.Length && text[i] == '%')
            i++;
        return i - at;
    }
}
