using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Http;

namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// The portal's words in zh-CN (default) and English, chosen by the <c>lang</c> cookie (set by ?lang=en / ?lang=zh).
/// The words are resources (.resx) per language; a missing word shows as its key in a test rather than silently.
/// </summary>
public sealed class PortalText(bool english)
{
    public const string Cookie = "speechqa-lang";

    // The words live in Resources/PortalText.resx (zh-CN, the neutral language) and PortalText.en.resx.
    private static readonly ResourceManager Words = new("SpeechQa.QaPortal.Portal.Resources.PortalText", typeof(PortalText).Assembly);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public bool English { get; } = english;

    public string this[string key] => Words.GetString(key, English ? EnglishCulture : Chinese) ?? key;

    public string Lang => English ? "en" : "zh-CN";

    public static PortalText For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "en" or "zh")
        {
            context.Response.Cookies.Append(Cookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            return new PortalText(asked == "en");
        }
        return new PortalText(context.Request.Cookies[Cookie] == "en");
    }
}
