using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Store;
using SpeechQa.QaPortal.Portal;
using SpeechQa.QaPortal.Portal.Users;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Portal;

/// <summary>
/// The real portal (Kestrel on a free 127.0.0.1 port) over a database seeded by the real pipeline with the sample
/// calls, with one account per role: inspector, trainer, manager, admin, and agent a011 (agent A011).
/// </summary>
public sealed partial class PortalFixture : IAsyncLifetime, IDisposable
{
    public const string Password = "correct-horse-battery";

    private readonly CliSession _cli = new("portal");
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string Database => _cli.Database;

    /// <summary>The portal's rules folder: a copy of the repository's, so publishing from the editor changes only it.</summary>
    public string RulesFolder => Path.Combine(_cli.Folder, "rules");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the portal has not started");

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    public static IReadOnlyList<string> Users { get; } = ["inspector", "trainer", "manager", "admin", "a011"];

    public static string RoleOf(string user) => user == "a011" ? PortalRole.Agent : user;

    /// <summary>A call recorded as stereo 8 kHz A-law WAV (what many recorders write; browsers cannot play it).</summary>
    public const string RecordedCall = "R20241108-0001";

    public async Task InitializeAsync()
    {
        await _cli.RunSamplesAsync();
        await AddRecordedCallAsync();
        await using (var store = StoreDataSource.Open(_cli.Database))
        {
            var users = new PortalUserStore(store, TimeProvider.System);
            foreach (var user in Users)
                await users.AddAsync(user, "测试" + user, RoleOf(user), user == "a011" ? "A011" : null, null, Password, CancellationToken.None);
            await users.AddAsync("locked", "锁定测试", PortalRole.Inspector, null, null, Password, CancellationToken.None);
        }
        // A copy of the rules: the rule editor's tests publish into it.
        CopyFolder(Path.Combine(TestPaths.Repository, "rules"), RulesFolder);
        _app = await PortalApp.BuildAsync(_cli.Database, "http://127.0.0.1:0", 1, LogLevel.Warning, CancellationToken.None,
            new SpeechQa.Pipeline.ScoringOptions(RulesFolder, "water-hotline", Path.Combine(TestPaths.Repository, "models")));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
    }

    private async Task AddRecordedCallAsync()
    {
        var folder = Path.Combine(_cli.Folder, "recorded");
        Directory.CreateDirectory(folder);
        var pcm = Path.Combine(folder, "pcm.wav");
        await File.WriteAllBytesAsync(pcm, TestWav.Stereo(8000, 12, [(0.5, 4)], [(5, 9)]));
        using (var ffmpeg = System.Diagnostics.Process.Start("ffmpeg", ["-v", "error", "-y", "-i", pcm, "-acodec", "pcm_alaw", Path.Combine(folder, "call.wav")]))
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }
        var transcript = (await File.ReadAllTextAsync(Path.Combine(TestPaths.Repository, "samples/hotline-sample/transcripts/S20241105-0005.json")))
            .Replace("S20241105-0005", RecordedCall, StringComparison.Ordinal)
            // No greeting: a hit inside the 12 s recording, for the timeline's marks.
            .Replace("您好，供水供热服务热线，工号023，请问有什么可以帮您？", "喂，说吧，什么事。", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "call.json"), transcript);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.csv"),
            "call_id,started_at,direction,caller,agent_id,team,region,audio,channels,transcript\n" +
            $"{RecordedCall},2024-11-08T10:00:00+08:00,inbound,13811112222,A023,热线二组,莲池区,call.wav,agent-left,call.json\n");
        await _cli.RunAsync("ingest", Path.Combine(folder, "manifest.csv"));
        await _cli.RunAsync("run");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Dispose();
    }

    public void Dispose()
    {
        if (Directory.Exists(_cli.Folder))
            _cli.Dispose();
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>The antiforgery token of a page's first form (and the cookie that goes with it, kept by the client).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page = "/login")
    {
        var html = await client.GetStringAsync(page);
        return TokenField().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string tokenPage)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(client, tokenPage) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/login", new Dictionary<string, string> { ["userName"] = user, ["password"] = Password }, "/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
