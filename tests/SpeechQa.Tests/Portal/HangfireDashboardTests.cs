using System.Net;
using Microsoft.Playwright;
using SpeechQa.QaPortal.Portal;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Portal;

/// <summary>Hangfire's dashboard at /hangfire: admins only, by the portal's own sign-in and roles; linked from the jobs page.</summary>
[Collection(PortalCollection.Name)]
public sealed class HangfireDashboardTests(PortalFixture portal)
{
    [Theory]
    [InlineData("inspector")]
    [InlineData("trainer")]
    [InlineData("manager")]
    [InlineData("a011")]
    public async Task Other_roles_are_refused(string user)
    {
        using var client = await portal.SignedInAsync(user);
        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/failed", "/hangfire/stats" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_goes_to_sign_in()
    {
        using var client = portal.Client();
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard_in_the_browser_from_the_jobs_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", PortalFixture.Password);
        await page.ClickAsync("#signin");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/admin/jobs");
        await page.ClickAsync($"#hangfire-link a[href='{PortalHost.DashboardPath}']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith(PortalHost.DashboardPath, page.Url, StringComparison.Ordinal);
        Assert.Contains("SpeechQa 任务 Jobs (Hangfire)", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("a[href$='/hangfire/jobs/enqueued']").CountAsync() > 0, "the dashboard's navigation is rendered");
        var folder = Path.Combine(Environment.GetEnvironmentVariable("SPEECHQA_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(TestPaths.Repository, "artifacts"), "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "admin-hangfire-dashboard.png"), FullPage = true });
    }
}
