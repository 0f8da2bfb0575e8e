using Microsoft.Playwright;
using SpeechQa.QaPortal.Portal;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Portal;

/// <summary>
/// Each role's main path in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the real
/// portal; a screenshot of every step lands in artifacts/screenshots/ (SPEECHQA_ARTIFACTS overrides the folder).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalBrowserTests(PortalFixture portal) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static string Screenshots => Path.Combine(Environment.GetEnvironmentVariable("SPEECHQA_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(TestPaths.Repository, "artifacts"), "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", PortalFixture.Password);
        await page.ClickAsync("#signin");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task Inspector_works_the_queue_and_overturns_a_hit_on_the_call_page()
    {
        var page = await SignInAsync("inspector");
        Assert.EndsWith("/queue", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "inspector-1-queue");
        Assert.Contains("致命", await page.InnerTextAsync("#queue tbody tr:first-child"), StringComparison.Ordinal);

        await page.GotoAsync("/queue?rule=N04");
        await page.ClickAsync("#queue tbody tr:first-child a");
        await page.WaitForSelectorAsync("#transcript .seg");
        Assert.True(await page.Locator("#transcript .seg.agent").CountAsync() > 0);
        Assert.True(await page.Locator("#transcript .seg.customer").CountAsync() > 0);
        await ShotAsync(page, "inspector-2-call");

        var row = page.Locator("#hits tbody tr", new PageLocatorOptions { HasText = "N04" });
        await row.Locator("input[name=comment]").FillAsync("结束语其实说了");
        await row.Locator("button[value=overturned]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("已推翻：结束语其实说了", await page.Locator("#hits tbody tr", new PageLocatorOptions { HasText = "N04" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEqual("", (await page.InnerTextAsync("#reviewed-score")).Trim());
        await ShotAsync(page, "inspector-3-reviewed");
    }

    [Fact]
    public async Task Clicking_a_transcript_line_plays_the_recording_from_there()
    {
        var page = await SignInAsync("inspector");
        await page.GotoAsync($"/calls/{PortalFixture.RecordedCall}");
        await page.WaitForFunctionAsync("document.getElementById('player').readyState >= 1"); // metadata: the transcoded WAV loaded
        var line = page.Locator("#transcript .seg").Nth(1);
        var start = double.Parse(await line.GetAttributeAsync("data-start") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await line.ClickAsync();
        var position = await page.EvaluateAsync<double>("document.getElementById('player').currentTime");
        Assert.InRange(position, start - 0.05, start + 1.0);
        Assert.True(await page.EvaluateAsync<double>("document.getElementById('player').duration") > 11.9);
        await ShotAsync(page, "inspector-4-player");
    }

    [Fact]
    public async Task The_timeline_marks_every_hit_and_a_click_on_a_mark_plays_from_the_hits_start()
    {
        var page = await SignInAsync("inspector");
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("error: " + e);
        await page.GotoAsync($"/calls/{PortalFixture.RecordedCall}");
        await page.WaitForFunctionAsync("document.getElementById('player').readyState >= 1");
        var marks = page.Locator("#timeline .mark");
        Assert.Equal(await page.Locator("#hits tbody tr").CountAsync(), await marks.CountAsync());
        Assert.True(await marks.CountAsync() > 0, await page.InnerTextAsync("main"));
        Assert.True(await page.Locator("#timeline .region.agent").CountAsync() > 0);
        Assert.True(await page.Locator("#timeline .region.customer").CountAsync() > 0);
        var mark = marks.Last;
        var start = double.Parse(await mark.GetAttributeAsync("data-start") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        await mark.ClickAsync();
        Assert.InRange(await page.EvaluateAsync<double>("document.getElementById('player').currentTime"), start - 0.05, start + 1.0);
        Assert.Equal(await mark.GetAttributeAsync("data-rule"), await page.Locator("#hits tr.hit-row.current").GetAttributeAsync("data-rule"));
        // The waveform of each recorded channel, decoded by wavesurfer.js from the same recording.
        try
        {
            await page.WaitForFunctionAsync("() => window.callWaveform !== undefined", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("the waveform was not drawn: " + string.Join(" | ", console));
        }
        Assert.True(await page.EvaluateAsync<int>("window.callWaveform.getDecodedData().numberOfChannels") >= 1);
        await ShotAsync(page, "inspector-5-timeline");

        // Keys: n jumps to the next hit (wrapping to the first), c confirms the hit jumped to.
        await page.EvaluateAsync("document.getElementById('player').pause(); document.getElementById('player').currentTime = 0");
        await page.Keyboard.PressAsync("n");
        var first = marks.First;
        Assert.Equal(await first.GetAttributeAsync("data-rule"), await page.Locator("#hits tr.hit-row.current").GetAttributeAsync("data-rule"));
        await page.Keyboard.PressAsync("c");
        var rule = await first.GetAttributeAsync("data-rule");
        var state = page.Locator($"#hits tr.hit-row[data-rule='{rule}'] .review-state");
        // The confirmation is a request and then a row update: wait for the row (on a loaded machine "network idle" can
        // come before the request has started), then read it.
        try
        {
            await state.Filter(new LocatorFilterOptions { HasText = "已确认" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
        }
        Assert.Contains("已确认", await state.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_is_worked_from_the_keyboard_and_picked_calls_are_reviewed_in_a_row()
    {
        var page = await SignInAsync("inspector");
        await page.GotoAsync("/queue?team=热线一组");
        var rows = page.Locator("#queue tbody tr");
        Assert.True(await rows.CountAsync() >= 2);
        var ids = new[] { await rows.Nth(0).GetAttributeAsync("data-call"), await rows.Nth(1).GetAttributeAsync("data-call") };
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("x");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("x");
        await page.Keyboard.PressAsync("r");
        await page.WaitForSelectorAsync("#transcript");
        Assert.Contains($"/calls/{ids[0]}?batch=", page.Url, StringComparison.Ordinal);
        Assert.Contains("1 / 2", await page.InnerTextAsync("#batch-nav"), StringComparison.Ordinal);
        await page.ClickAsync("#next-call");
        await page.WaitForSelectorAsync("#transcript");
        Assert.Contains($"/calls/{ids[1]}?batch=", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "inspector-6-batch");

        // The filters are remembered: /queue alone comes back to the team chosen before.
        await page.GotoAsync("/queue");
        await page.WaitForSelectorAsync("#queue");
        Assert.Contains("team=", page.Url, StringComparison.Ordinal);
        Assert.Equal("热线一组", await page.InputValueAsync("input[name=team]"));
    }

    [Fact]
    public async Task Manager_reads_the_dashboard_in_chinese_and_english()
    {
        var page = await SignInAsync("manager");
        Assert.EndsWith("/dashboard", page.Url, StringComparison.Ordinal);
        Assert.Contains("每百通致命错误", await page.InnerTextAsync("#teams"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("window.dashboardCharts === true"); // ECharts loaded from the bundle and drew
        Assert.True(await page.Locator("#chart-teams canvas").CountAsync() > 0);
        await ShotAsync(page, "manager-1-dashboard");
        await page.ClickAsync("text=English");
        Assert.Contains("Fatal errors per 100 calls", await page.InnerTextAsync("#teams"), StringComparison.Ordinal);
        await page.ClickAsync("#top-rules tbody tr:first-child a"); // drill down to the calls of the top rule
        await page.WaitForSelectorAsync("#queue");
        await ShotAsync(page, "manager-2-drilldown");
    }

    [Fact]
    public async Task Admin_adds_an_account_and_reads_the_audit_log()
    {
        var page = await SignInAsync("admin");
        await page.GotoAsync("/admin/users");
        await page.FillAsync("input[name=userName]", "trainer2");
        await page.FillAsync("input[name=displayName]", "王培训");
        await page.SelectOptionAsync("select[name=role]", "trainer");
        await page.FillAsync("input[name=password]", "another-long-password");
        await page.ClickAsync("form:has(select[name=role]) button[type=submit]");
        Assert.Contains("王培训", await page.InnerTextAsync("#users"), StringComparison.Ordinal);
        await ShotAsync(page, "admin-1-users");
        await page.GotoAsync("/admin/audit");
        Assert.Contains("sign-in", await page.InnerTextAsync("#audit"), StringComparison.Ordinal);
        await ShotAsync(page, "admin-2-audit");
        await page.GotoAsync("/admin/jobs");
        Assert.Contains("Succeeded", await page.InnerTextAsync("#job-counts"), StringComparison.Ordinal);
        await ShotAsync(page, "admin-3-jobs");
        await page.GotoAsync("/wall");
        Assert.Contains("/", await page.InnerTextAsync("#wall-progress"), StringComparison.Ordinal);
        await ShotAsync(page, "admin-4-wall");
        await page.GotoAsync("/admin/rules");
        await page.ClickAsync("a.edit-rules >> nth=0");
        await page.WaitForSelectorAsync("#yaml");
        // A wrong version number: the error appears under its line, and clicking it selects that line in the text.
        await page.EvaluateAsync("() => { const a = document.getElementById('yaml'); a.value = a.value.replace(/^version:.*$/m, 'version: abc'); }");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#check-errors");
        await page.ClickAsync(".rule-error[data-line]");
        Assert.StartsWith("version: abc", await page.EvaluateAsync<string>("() => { const a = document.getElementById('yaml'); return a.value.substring(a.selectionStart, a.selectionEnd); }"), StringComparison.Ordinal);
        await ShotAsync(page, "admin-5-rule-editor");
        await page.GotoAsync("/admin/sources");
        await page.WaitForSelectorAsync("#save-source");
        await ShotAsync(page, "admin-6-sources");
    }

    [Fact]
    public async Task Agent_sees_their_own_calls_and_trainer_opens_a_call()
    {
        var agent = await SignInAsync("a011");
        Assert.EndsWith("/my/calls", agent.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("A023", await agent.InnerTextAsync("#queue"), StringComparison.Ordinal);
        await ShotAsync(agent, "agent-1-my-calls");
        await agent.ClickAsync("#queue tbody tr:first-child a");
        await agent.WaitForSelectorAsync("#transcript");
        Assert.Equal(0, await agent.Locator("button[value=overturned]").CountAsync()); // agents do not review
        await ShotAsync(agent, "agent-2-call");

        var trainer = await SignInAsync("trainer");
        await trainer.ClickAsync("#queue tbody tr:first-child a");
        await trainer.WaitForSelectorAsync("#transcript .seg");
        Assert.Contains("****", await trainer.InnerTextAsync("#caller"), StringComparison.Ordinal);
        await ShotAsync(trainer, "trainer-1-call");
    }

    [Fact]
    public async Task Admin_opens_the_Hangfire_dashboard_from_the_jobs_page()
    {
        var page = await SignInAsync("admin");
        await page.GotoAsync("/admin/jobs");
        await page.ClickAsync($"#hangfire-link a[href='{PortalHost.DashboardPath}']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith(PortalHost.DashboardPath, page.Url, StringComparison.Ordinal);
        Assert.Contains("SpeechQa 任务 Jobs (Hangfire)", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("a[href$='/hangfire/jobs/enqueued']").CountAsync() > 0, "the dashboard's navigation is rendered");
        await ShotAsync(page, "admin-hangfire-dashboard");
    }
}
