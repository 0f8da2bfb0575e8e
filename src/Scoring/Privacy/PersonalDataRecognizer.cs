using System.Text;
using System.Text.RegularExpressions;

namespace SpeechQa.Scoring.Privacy;

/// <summary>Kinds of personal data in hotline speech (rule operator <c>entity</c>, and masking for roles that must not see it).</summary>
public enum PersonalDataKind
{
    Phone,
    IdCard,
    BankCard,
    Account,
    Address,
}

/// <summary>One piece of personal data found in a text, as character offsets into that text.</summary>
public sealed record PersonalDataSpan(PersonalDataKind Kind, int Start, int Length, string Text);

/// <summary>
/// Finds phone numbers, ID-card numbers, bank cards, account numbers and street addresses in transcript text —
/// as ASR writes them: Arabic or full-width digits, with spaces or dashes between groups. Already masked forms
/// (138****8000, 尾号8000) are not personal data any more and are not reported.
/// </summary>
public static partial class PersonalDataRecognizer
{
    public static IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        var normalised = NormaliseDigits(text);
        var found = new List<PersonalDataSpan>();
        void Add(PersonalDataKind kind, Regex regex, Func<string, bool>? accept = null)
        {
            foreach (Match m in regex.Matches(normalised))
            {
                if (found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length))
                    continue; // the longer, earlier kind wins (an ID card holds a phone-like run)
                var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
                if (accept is null || accept(digits))
                    found.Add(new PersonalDataSpan(kind, m.Index, m.Length, text.Substring(m.Index, m.Length)));
            }
        }
        Add(PersonalDataKind.IdCard, IdCard());
        Add(PersonalDataKind.BankCard, BankCard(), d => d.Length is >= 16 and <= 19);
        Add(PersonalDataKind.Phone, Mobile(), d => d.Length == 11);
        Add(PersonalDataKind.Phone, Landline());
        Add(PersonalDataKind.Account, Account());
        Add(PersonalDataKind.Address, Address());
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The text with every piece of personal data replaced by * (keeping the last 4 digits of numbers).</summary>
    public static string Mask(string text)
    {
        var spans = Find(text);
        if (spans.Count == 0)
            return text;
        var masked = new StringBuilder(text);
        foreach (var span in spans)
        {
            var keep = span.Kind == PersonalDataKind.Address ? 0 : 4;
            var digitsSeen = 0;
            for (var i = span.Start + span.Length - 1; i >= span.Start; i--)
            {
                var c = masked[i];
                var isDigit = char.IsAsciiDigit(NormaliseDigit(c)) || c is 'X' or 'x';
                if (isDigit && digitsSeen++ < keep)
                    continue;
                if (isDigit || span.Kind == PersonalDataKind.Address)
                    masked[i] = '*';
            }
        }
        return masked.ToString();
    }

    private static string NormaliseDigits(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = NormaliseDigit(chars[i]);
        return new string(chars);
    }

    private static char NormaliseDigit(char c) => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;

    [GeneratedRegex(@"(?<![0-9*])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<![0-9*])(?:\d{4}[ -]?){3,4}\d{1,4}(?![0-9*])")]
    private static partial Regex BankCard();

    [GeneratedRegex(@"(?<![0-9*])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9*])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9*])0\d{2,3}-\d{7,8}(?![0-9*])")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?<=(?:户号|账号|用户号|用户编号|编号)[是为:：\s]{0,3})[A-Za-z]{0,2}\d{5,12}(?![0-9*])")]
    private static partial Regex Account();

    // A numbered street written in digits (经3路18号, 平房区3巷12号) is an address too; streets numbered in words are not
    // read here (tried on dev: 4 disclosures found, 7 false ones).
    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,12}\d{0,2}(?:路|街|大街|道|巷|胡同)\d{1,4}号(?![到至~～—-]\d)(?:院)?(?:[\u4e00-\u9fa5A-Za-z0-9]{0,12}?(?:\d{1,3}(?:栋|号楼|幢)))?(?:\d{1,2}单元)?(?:\d{3,4}(?:室|号)?)?")]
    private static partial Regex Address();
}
