using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace SpeechQa.Tests.Portal;

/// <summary>A trainer builds a coaching set from a call page, orders it, shares it with an agent and exports it.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class CoachingTests(PortalFixture portal)
{
    [Fact]
    public async Task A_trainer_shares_a_clip_the_agent_can_hear_and_exports_the_set()
    {
        using var trainer = await portal.SignedInAsync("trainer");
        var created = await PortalFixture.PostFormAsync(trainer, "/coaching",
            new Dictionary<string, string> { ["name"] = "停水来电安抚", ["tags"] = "C03，安抚", ["sharedWith"] = "A011" }, "/coaching");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var setPath = created.Headers.Location!.OriginalString;
        var setId = SetId().Match(setPath).Groups[1].Value;
        var secret = await PortalFixture.PostFormAsync(trainer, "/coaching", new Dictionary<string, string> { ["name"] = "只给二组", ["sharedWith"] = "热线二组" }, "/coaching");
        var secretPath = secret.Headers.Location!.OriginalString;

        var call = $"/calls/{PortalFixture.RecordedCall}";
        Assert.Contains("id=\"add-clip\"", await trainer.GetStringAsync(call), StringComparison.Ordinal);
        foreach (var (start, end, note) in new[] { ("0.5", "7", "开场问候规范"), ("7", "12", "解释抢修原因") })
        {
            var added = await PortalFixture.PostFormAsync(trainer, $"{call}/clips",
                new Dictionary<string, string> { ["setId"] = setId, ["start"] = start, ["end"] = end, ["note"] = note }, call);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var bad = await PortalFixture.PostFormAsync(trainer, $"{call}/clips", new Dictionary<string, string> { ["setId"] = setId, ["start"] = "9", ["end"] = "3" }, call);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var page = await trainer.GetStringAsync(setPath);
        Assert.True(page.IndexOf("开场问候规范", StringComparison.Ordinal) < page.IndexOf("解释抢修原因", StringComparison.Ordinal));
        var secondClip = ClipId().Matches(page).Select(m => m.Groups[1].Value).Distinct().Last();
        var moved = await PortalFixture.PostFormAsync(trainer, $"{setPath}/clips/{secondClip}/move", new Dictionary<string, string> { ["direction"] = "-1" }, setPath);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        page = await trainer.GetStringAsync(setPath);
        Assert.True(page.IndexOf("解释抢修原因", StringComparison.Ordinal) < page.IndexOf("开场问候规范", StringComparison.Ordinal));
        Assert.Contains("向阳路", page, StringComparison.Ordinal); // the transcript lines of the clip

        using var agent = await portal.SignedInAsync("a011"); // agent A011: the call is A023's, but the set is shared with A011
        Assert.Contains("停水来电安抚", await agent.GetStringAsync("/coaching"), StringComparison.Ordinal);
        Assert.DoesNotContain("只给二组", await agent.GetStringAsync("/coaching"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(secretPath)).StatusCode);
        var audio = await agent.GetAsync($"{setPath}/clips/{secondClip}/audio");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal(44 + 5 * 8000 * 2 * 2, (await audio.Content.ReadAsByteArrayAsync()).Length); // 7–12 s of the stereo 8 kHz recording, as PCM16
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"{setPath}/export.zip")).StatusCode);

        var zip = await trainer.GetAsync($"{setPath}/export.zip");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
        var names = archive.Entries.Select(e => e.FullName).Order().ToList();
        Assert.Contains("index.html", names);
        Assert.Contains($"clips/01-{PortalFixture.RecordedCall}.txt", names);
        Assert.Contains($"clips/02-{PortalFixture.RecordedCall}.wav", names);
        using var reader = new StreamReader(archive.GetEntry($"clips/01-{PortalFixture.RecordedCall}.txt")!.Open());
        var excerpt = await reader.ReadToEndAsync();
        Assert.Contains("解释抢修原因", excerpt, StringComparison.Ordinal);
        Assert.Contains("[7.4s 客户]", excerpt, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/coaching/(\d+)")]
    private static partial Regex SetId();

    [GeneratedRegex(@"/clips/(\d+)/move")]
    private static partial Regex ClipId();
}
