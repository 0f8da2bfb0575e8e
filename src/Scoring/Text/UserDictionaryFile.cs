using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// A user dictionary in jieba's format: one <c>词语 [词频] [词性]</c> per line, UTF-8 (a BOM is allowed), parsed with
/// jieba's own <c>re_userdict</c>. Lines starting with # are comments (an extension: jieba would add "#…" as a word).
/// </summary>
public static partial class UserDictionaryFile
{
    public static List<UserWord> Read(string path)
    {
        if (!File.Exists(path))
            throw new JiebaDataException($"用户词典不存在 user dictionary not found: {path}");
        byte[] bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new JiebaDataException($"用户词典必须是 UTF-8 user dictionary must be UTF-8: {path}");
        }
        return Parse(text, path);
    }

    public static List<UserWord> Parse(string text, string sourceName)
    {
        var words = new List<UserWord>();
        var lineNumber = 0;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim(PrefixDictionary.AsciiWhitespace);
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var match = UserDictLine().Match(line);
            if (!match.Success)
                throw new JiebaDataException($"用户词典格式错误 invalid user dictionary line in {sourceName} at line {lineNumber}: '{line}'");
            long? frequency = match.Groups[2].Success
                ? long.Parse(match.Groups[2].Value.Trim(), CultureInfo.InvariantCulture)
                : null;
            words.Add(new UserWord(match.Groups[1].Value, frequency, match.Groups[3].Success ? match.Groups[3].Value.Trim() : null));
        }
        return words;
    }

    /// <summary>jieba's re_userdict.</summary>
    [GeneratedRegex("^(.+?)( [0-9]+)?( [a-z]+)?$")]
    private static partial Regex UserDictLine();
}
