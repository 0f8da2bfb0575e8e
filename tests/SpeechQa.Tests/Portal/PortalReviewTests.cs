using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Store;
using SpeechQa.QaPortal.Portal.Audit;

namespace SpeechQa.Tests.Portal;

/// <summary>The inspector's main path on the sample calls, masking by role, the agent's scope, lock-out and CSRF.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalReviewTests(PortalFixture portal)
{
    private const string ShirkingCall = "S20241106-0007"; // fatal F04, agent A011, caller 13932108856

    [Fact]
    public async Task The_queue_puts_fatal_calls_first_and_overturning_the_fatal_hit_recomputes_the_score()
    {
        using var inspector = await portal.SignedInAsync("inspector");
        var queue = await inspector.GetStringAsync("/queue");
        var firstRow = queue[queue.IndexOf("<tbody>", StringComparison.Ordinal)..];
        Assert.Contains("class=\"fatal\"", firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("F04", await inspector.GetStringAsync("/queue?rule=F04"), StringComparison.Ordinal);
        Assert.Contains("queue-empty", await inspector.GetStringAsync("/queue?rule=F99"), StringComparison.Ordinal);
        var said = await inspector.GetStringAsync("/queue?q=" + Uri.EscapeDataString("不归我们管"));
        Assert.Contains(ShirkingCall, said, StringComparison.Ordinal);
        Assert.Contains("这【不归我们管】", said, StringComparison.Ordinal); // full text from the search index, highlighted

        var page = await inspector.GetStringAsync($"/calls/{ShirkingCall}");
        Assert.Contains("这不归我们管", page, StringComparison.Ordinal);
        Assert.Contains("id=\"no-audio\"", page, StringComparison.Ordinal); // the samples come with transcripts only
        var response = await PortalFixture.PostFormAsync(inspector, $"/calls/{ShirkingCall}/hits/F04/review",
            new Dictionary<string, string> { ["decision"] = "overturned", ["comment"] = "客户问的是物业管辖，坐席已指引" }, $"/calls/{ShirkingCall}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var json = JsonDocument.Parse(await inspector.GetStringAsync($"/api/calls/{ShirkingCall}"));
        var reviewed = json.RootElement.GetProperty("reviewed_score").GetInt32();
        Assert.InRange(reviewed, 1, 99); // no fatal hit stands: 100 minus the standing non-fatal points
        Assert.Equal(0, json.RootElement.GetProperty("score").GetInt32()); // the automatic score is kept
        Assert.Contains("已推翻：客户问的是物业管辖，坐席已指引", await inspector.GetStringAsync($"/calls/{ShirkingCall}"), StringComparison.Ordinal);

        var bad = await PortalFixture.PostFormAsync(inspector, $"/calls/{ShirkingCall}/hits/F99/review",
            new Dictionary<string, string> { ["decision"] = "overturned" }, $"/calls/{ShirkingCall}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        await using var store = StoreDataSource.Open(portal.Database);
        var audit = await new AuditLog(store, TimeProvider.System).ListAsync(50, CancellationToken.None);
        Assert.Contains(audit, e => e is { UserName: "inspector", Action: AuditLog.OpenedCall, CallId: ShirkingCall });
        Assert.Contains(audit, e => e is { UserName: "inspector", Action: AuditLog.ReviewedHit, CallId: ShirkingCall } && e.Detail!.StartsWith("F04 overturned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_law_recordings_are_served_as_seekable_pcm_wav_and_listening_is_audited()
    {
        using var trainer = await portal.SignedInAsync("trainer");
        Assert.Contains("<audio id=\"player\"", await trainer.GetStringAsync($"/calls/{PortalFixture.RecordedCall}"), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/calls/{PortalFixture.RecordedCall}/audio");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 43);
        var response = await trainer.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var header = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(44, header.Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
        Assert.Equal(1, BitConverter.ToInt16(header, 20));  // PCM, which browsers play (the file is A-law, format 6)
        Assert.Equal(16, BitConverter.ToInt16(header, 34));
        Assert.Equal(8000, BitConverter.ToInt32(header, 24));
        var total = response.Content.Headers.ContentRange!.Length!.Value;
        Assert.Equal(44 + 12 * 8000 * 2 * 2, total);           // 12 s, stereo, 16-bit
        using var tail = new HttpRequestMessage(HttpMethod.Get, $"/calls/{PortalFixture.RecordedCall}/audio");
        tail.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(total - 100, null);
        Assert.Equal(100, (await (await trainer.SendAsync(tail)).Content.ReadAsByteArrayAsync()).Length); // seeking to the end

        await using var store = StoreDataSource.Open(portal.Database);
        Assert.Contains(await new AuditLog(store, TimeProvider.System).ListAsync(50, CancellationToken.None),
            e => e is { UserName: "trainer", Action: AuditLog.ListenedToCall, CallId: PortalFixture.RecordedCall });
    }

    [Fact]
    public async Task The_waveform_is_peaks_per_channel_the_agent_left_the_customer_right()
    {
        using var trainer = await portal.SignedInAsync("trainer");
        using var json = System.Text.Json.JsonDocument.Parse(await trainer.GetStringAsync($"/calls/{PortalFixture.RecordedCall}/waveform"));
        Assert.Equal(12, json.RootElement.GetProperty("duration").GetDouble(), 2);
        var channels = json.RootElement.GetProperty("channels").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToList();
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.InRange(c.Length, 1000, SpeechQa.QaPortal.Portal.WaveformPeaks.MaxBuckets));
        float At(float[] peaks, double second) => peaks[(int)(second / 12 * peaks.Length)];
        // The fixture's recording speaks on the left from 0.5 to 4 s and on the right from 5 to 9 s.
        Assert.True(At(channels[0], 2) > 0.1 && At(channels[0], 7) < 0.02, "left channel");
        Assert.True(At(channels[1], 7) > 0.1 && At(channels[1], 2) < 0.02, "right channel");
        using var agent = await portal.SignedInAsync("a011"); // another agent's call: nothing, not even its shape
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/calls/{PortalFixture.RecordedCall}/waveform")).StatusCode);
    }

    [Fact]
    public async Task An_agent_appeals_a_hit_and_the_inspector_upholds_it()
    {
        using var agent = await portal.SignedInAsync("a011");
        var filed = await PortalFixture.PostFormAsync(agent, $"/calls/{ShirkingCall}/hits/N09/appeal",
            new Dictionary<string, string> { ["reason"] = "客户情绪激动时我已安抚" }, $"/calls/{ShirkingCall}");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var again = await PortalFixture.PostFormAsync(agent, $"/calls/{ShirkingCall}/hits/N09/appeal",
            new Dictionary<string, string> { ["reason"] = "再申诉一次" }, $"/calls/{ShirkingCall}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // one appeal per hit

        using var inspector = await portal.SignedInAsync("inspector");
        Assert.Contains("客户情绪激动时我已安抚", await inspector.GetStringAsync("/appeals"), StringComparison.Ordinal);
        var ruled = await PortalFixture.PostFormAsync(inspector, $"/calls/{ShirkingCall}/hits/N09/ruling",
            new Dictionary<string, string> { ["upheld"] = "true", ["ruling"] = "录音中有安抚语" }, $"/calls/{ShirkingCall}");
        Assert.Equal(HttpStatusCode.Redirect, ruled.StatusCode);
        var page = await agent.GetStringAsync($"/calls/{ShirkingCall}");
        Assert.Contains("申诉成立：客户情绪激动时我已安抚 → 录音中有安抚语 · inspector", page, StringComparison.Ordinal);
        Assert.Contains("已推翻：申诉裁定 appeal ruling: 录音中有安抚语", page, StringComparison.Ordinal);
        Assert.DoesNotContain("客户情绪激动时我已安抚", await inspector.GetStringAsync("/appeals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_tests_the_rule_set_on_a_pasted_dialogue()
    {
        using var admin = await portal.SignedInAsync("admin");
        var rules = await admin.GetStringAsync("/admin/rules");
        Assert.Contains("water-hotline@", rules, StringComparison.Ordinal);
        Assert.Contains("F04", rules, StringComparison.Ordinal);
        var tested = await PortalFixture.PostFormAsync(admin, "/admin/rules/test", new Dictionary<string, string>
        {
            ["ruleSet"] = "water-hotline",
            ["dialogue"] = "坐席：您好，供水服务热线，请问有什么可以帮您？\n客户：我家楼道的水管漏了，物业说找你们。\n坐席：这不归我们管，你找物业去吧。\n客户：那我找谁啊？",
        }, "/admin/rules");
        var page = await tested.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Contains("id=\"test-hits\"", page, StringComparison.Ordinal);
        Assert.Contains("F04", page[page.IndexOf("id=\"test-hits\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("0 致命", page, StringComparison.Ordinal);
        var bad = await PortalFixture.PostFormAsync(admin, "/admin/rules/test",
            new Dictionary<string, string> { ["ruleSet"] = "water-hotline", ["dialogue"] = "坐席：您好\n没有说话人的一行" }, "/admin/rules");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第 2 行没有说话人", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_is_masked_except_for_admins_in_pages_and_api()
    {
        using var inspector = await portal.SignedInAsync("inspector");
        var page = await inspector.GetStringAsync($"/calls/{ShirkingCall}");
        Assert.Contains("139****8856", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13932108856", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13932108856", await inspector.GetStringAsync($"/api/calls/{ShirkingCall}"), StringComparison.Ordinal);
        using var admin = await portal.SignedInAsync("admin");
        Assert.Contains("13932108856", await admin.GetStringAsync($"/calls/{ShirkingCall}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_calls()
    {
        using var agent = await portal.SignedInAsync("a011");
        var mine = await agent.GetStringAsync("/my/calls");
        Assert.Contains(ShirkingCall, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("A023", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/calls/S20241105-0002")).StatusCode); // agent A023's call
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/calls/{ShirkingCall}")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_forms_need_the_antiforgery_token()
    {
        using var client = portal.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PortalFixture.PostFormAsync(client, "/login", new Dictionary<string, string> { ["userName"] = "locked", ["password"] = "not-the-password" }, "/login");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await PortalFixture.PostFormAsync(client, "/login", new Dictionary<string, string> { ["userName"] = "locked", ["password"] = PortalFixture.Password }, "/login");
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fresh = portal.Client();
        var forged = await fresh.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "inspector", ["password"] = PortalFixture.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var manager = await portal.SignedInAsync("manager"); // with the token the same sign-in works (asserted inside)
    }

    [Fact]
    public async Task The_portal_speaks_chinese_by_default_and_english_on_request()
    {
        using var manager = await portal.SignedInAsync("manager");
        var zh = await manager.GetStringAsync("/dashboard");
        Assert.Contains("每百通致命错误", zh, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", zh, StringComparison.Ordinal);
        var en = await manager.GetStringAsync("/dashboard?lang=en");
        Assert.Contains("Fatal errors per 100 calls", en, StringComparison.Ordinal);
        Assert.Contains("Fatal errors per 100 calls", await manager.GetStringAsync("/dashboard"), StringComparison.Ordinal); // the choice is remembered
        Assert.Contains("R2", en, StringComparison.Ordinal); // the sample's repeat chain is in the root causes
    }
}
