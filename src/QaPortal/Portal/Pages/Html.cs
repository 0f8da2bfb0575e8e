using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SpeechQa.QaPortal.Portal.Pages;

/// <summary>Server-rendered HTML: every value goes through <see cref="E"/> (HTML-encoded), markup is written by the page code only.</summary>
internal static class Html
{
    // Chinese stays readable in the page source; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Form(string action, string antiforgeryField, string antiforgeryToken, string body, string @class = "") =>
        $"""<form method="post" action="{E(action)}" class="{E(@class)}"><input type="hidden" name="{E(antiforgeryField)}" value="{E(antiforgeryToken)}">{body}</form>""";

    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string id = "")
    {
        var sb = new StringBuilder($"""<table id="{E(id)}"><thead><tr>""");
        foreach (var h in headers)
            sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
                sb.Append("<td>").Append(cell).Append("</td>"); // cells are already-encoded HTML
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
