namespace SpeechQa.QaPortal.Portal.Pages;

internal static class LoginPage
{
    public static string Render(PortalText t, (string Field, string Token) antiforgery, string? error, string? returnUrl) =>
        Layout.Render(t, null, antiforgery, t["signin"],
            (error is null ? "" : $"""<p class="error" id="login-error">{Html.E(error)}</p>""") +
            Html.Form("/login", antiforgery.Field, antiforgery.Token,
                $"""
                <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
                <p><label>{Html.E(t["user"])} <input name="userName" id="userName" autocomplete="username" required></label></p>
                <p><label>{Html.E(t["password"])} <input name="password" id="password" type="password" autocomplete="current-password" required></label></p>
                <p><button type="submit" id="signin">{Html.E(t["signin"])}</button></p>
                """));
}
