using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Portal;

/// <summary>A source saved in the portal schedules its folder scan, and its scans give rows without channels or rule set the source's.</summary>
[Collection(PortalCollection.Name)]
public sealed class SourcesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_saved_source_is_scanned_with_its_channel_layout_and_rule_set()
    {
        var folder = Path.Combine(Path.GetTempPath(), "speechqa-source-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(TestPaths.Repository, "samples/hotline-sample/transcripts/S20241105-0005.json"), Path.Combine(folder, "t.json"));
            var transcript = (await File.ReadAllTextAsync(Path.Combine(folder, "t.json"))).Replace("S20241105-0005", "SRC-0001", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "t.json"), transcript);
            var manifest = Path.Combine(folder, "manifest.csv");
            await File.WriteAllTextAsync(manifest, "call_id,started_at,direction,caller,agent_id,transcript\nSRC-0001,2025-01-20T09:00:00+08:00,inbound,13800001111,A011,t.json\n");
            File.SetLastWriteTimeUtc(manifest, DateTime.UtcNow.AddHours(-1)); // settled: not still being written

            using var admin = await portal.SignedInAsync("admin");
            var saved = await PortalFixture.PostFormAsync(admin, "/admin/sources", new Dictionary<string, string>
            {
                ["name"] = "供热录音", ["folder"] = folder, ["channels"] = "agent-right", ["ruleSet"] = "heating-hotline", ["cron"] = "*/10 * * * *",
            }, "/admin/sources");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = await admin.GetStringAsync("/admin/sources");
            Assert.Contains("供热录音", page, StringComparison.Ordinal);
            Assert.Contains("右声道坐席", page, StringComparison.Ordinal);
            var monitor = portal.Services.GetRequiredService<PipelineJobMonitor>();
            var scheduled = Assert.Single(monitor.Recurring(), s => s.Id == "scan:" + folder);
            Assert.Equal("*/10 * * * *", scheduled.Cron);
            Assert.Equal(portal.Services.GetRequiredService<PipelineOptions>().TimeZone.Id, scheduled.TimeZone);
            Assert.NotNull(scheduled.NextRun);

            // Run the scan now, as Hangfire runs it on its schedule: the portal's own Hangfire workers ingest the manifest.
            portal.Services.GetRequiredService<HangfireJobEngine>().Recurring.Trigger("scan:" + folder);
            var calls = portal.Services.GetRequiredService<CallStore>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            StoredCall? call;
            while ((call = await calls.GetAsync("SRC-0001", CancellationToken.None)) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the triggered scan did not ingest the manifest");
                await Task.Delay(100);
            }
            Assert.Equal(ChannelLayout.AgentRight, call.Call.Channels);
            Assert.Equal("heating-hotline", call.Call.Attributes["ruleset"]);

            // The portal's workers score and index the new call; let them finish so the shared portal's figures are settled
            // for the tests that follow (the dashboard counts indexed calls).
            var store = portal.Services.GetRequiredService<StoreDataSource>();
            while ((await calls.GetAsync("SRC-0001", CancellationToken.None))!.Status != CallStatus.Scored
                || await store.ScalarAsync<long>("SELECT COUNT(*) FROM search_calls WHERE call_id = 'SRC-0001'", null, CancellationToken.None) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline.AddSeconds(60),
                    $"the scanned call was not scored and indexed: {(await calls.GetAsync("SRC-0001", CancellationToken.None))!.Status}, jobs {monitor.Counts()}, " +
                    string.Join("; ", monitor.List(JobListState.Scheduled, 5).Concat(monitor.List(JobListState.Failed, 5)).Select(j => $"{j.State} {j.JobType} {j.CallId} {j.Detail}")));
                await Task.Delay(100);
            }

            var removed = await PortalFixture.PostFormAsync(admin, "/admin/sources/remove", new Dictionary<string, string> { ["folder"] = folder }, "/admin/sources");
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.DoesNotContain(monitor.Recurring(), s => s.Id == "scan:" + folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("relative/folder", "agent-left", "*/5 * * * *", "完整路径")]
    [InlineData("/srv/recorder", "left", "*/5 * * * *", "声道布局须为")]
    [InlineData("/srv/recorder", "agent-left", "every five minutes", "cron")]
    public async Task A_bad_source_is_refused_with_the_field_named(string folder, string channels, string cron, string expected)
    {
        using var admin = await portal.SignedInAsync("admin");
        var response = await PortalFixture.PostFormAsync(admin, "/admin/sources",
            new Dictionary<string, string> { ["folder"] = folder, ["channels"] = channels, ["cron"] = cron }, "/admin/sources");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
