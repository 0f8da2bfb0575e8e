using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.QaPortal.Portal;
using SpeechQa.QaPortal.Portal.Users;

namespace SpeechQa.Bench;

/// <summary>
/// Load on the portal with N scored calls in the store (default 100 000, SQLite): wrk against 127.0.0.1 for the work
/// queue, a call page and the dashboard, signed in, reporting requests/s, p50/p95/p99 and errors (non-2xx included).
/// No other QA portal can run here, so there is no side-by-side figure.
/// </summary>
public static partial class PortalBench
{
    private static readonly string[] Teams = ["热线一组", "热线二组"];
    private static readonly string[] Regions = ["竞秀区", "莲池区", "满城区", "清苑区"];
    private static readonly string[] Rules = ["N01", "N02", "N04", "N08", "N09", "N12", "F03", "F04"];

    public static async Task RunAsync(int calls, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-portal-bench-").FullName;
        try
        {
            var db = Path.Combine(folder, "portal.db");
            var clock = Stopwatch.StartNew();
            await SeedAsync(db, calls);
            Console.WriteLine($"Portal: {calls} scored calls seeded in {clock.Elapsed.TotalSeconds:0.0} s (SQLite)");
            await using var app = await PortalApp.BuildAsync(db, "http://127.0.0.1:0", 1, LogLevel.Warning, CancellationToken.None);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var cookie = await SignInAsync(address, "manager");
            // The dashboard's figures are computed on first use and kept a minute: time that once, then measure steady state.
            using (var first = new HttpClient { BaseAddress = new Uri(address) })
            {
                first.DefaultRequestHeaders.Add("Cookie", cookie);
                var cold = Stopwatch.StartNew();
                (await first.GetAsync("/dashboard")).EnsureSuccessStatusCode();
                Console.WriteLine($"Dashboard figures computed on first request in {cold.Elapsed.TotalMilliseconds:0} ms (then kept {SpeechQa.QaPortal.Portal.Dashboard.Freshness.TotalSeconds:0} s)");
            }
            var script = Path.Combine(folder, "p95.lua");
            await File.WriteAllTextAsync(script, """
                done = function(summary, latency, requests)
                  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
                  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
                end
                """);
            Console.WriteLine($"| page (wrk, 4 connections, {seconds} s) | requests/s | p50 ms | p95 ms | p99 ms | errors |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, path) in new[] { ("work queue /queue", "/queue"), ("call page /calls/{id}", "/calls/L0004242"), ("dashboard /dashboard", "/dashboard") })
            {
                var result = await WrkAsync(address + path, cookie, script, seconds);
                Console.WriteLine($"| {name} | {result}");
            }
            Console.WriteLine("Goal: p95 < 200 ms with no errors.");
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(string db, int calls)
    {
        await using var store = StoreDataSource.Open(db);
        await new SchemaMigrator(store, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var random = new Random(9);
        var start = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (var batch = 0; batch < calls; batch += 5000)
        {
            await using var tx = await store.BeginWriteAsync(CancellationToken.None);
            for (var i = batch; i < Math.Min(calls, batch + 5000); i++)
            {
                var id = "L" + i.ToString("0000000", CultureInfo.InvariantCulture);
                var at = start.AddSeconds(random.Next(30 * 86400));
                var agent = "A0" + (random.Next(8) + 11).ToString(CultureInfo.InvariantCulture);
                await tx.ExecuteAsync(
                    """
                    INSERT INTO calls (call_id, started_at, started_at_ms, direction, caller, agent_id, agent_name, team, queue, account_no, region, hangup_by,
                        audio_path, audio_sha256, channels, transcript_path, transcript_sha256, manifest_path, revision, status, error, ingested_at_ms, updated_at_ms)
                    VALUES (@id, @started, @ms, 'inbound', @caller, @agent, NULL, @team, NULL, NULL, @region, NULL, NULL, NULL, NULL, NULL, NULL, '/bench', 1, 'scored', NULL, 0, 0)
                    """,
                    new SqlParameterList
                    {
                        { "id", id }, { "started", at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) }, { "ms", at.ToUnixTimeMilliseconds() },
                        { "caller", "139" + random.Next(100_000_000).ToString("00000000", CultureInfo.InvariantCulture) }, { "agent", agent },
                        { "team", Teams[random.Next(2)] }, { "region", Regions[random.Next(4)] },
                    }, CancellationToken.None);
                var hits = Enumerable.Range(0, random.Next(4)).Select(_ => Rules[random.Next(Rules.Length)]).Distinct().ToList();
                var fatal = hits.Any(h => h[0] == 'F');
                var hitsJson = "[" + string.Join(",", hits.Select(h =>
                    $$"""{"rule":"{{h}}","name":"","ruleset":"water-hotline@2","severity":"{{(h[0] == 'F' ? "fatal" : "non-fatal")}}","points":{{(h[0] == 'F' ? 0 : 5)}},"source":"rule","segment":1,"start":3.0,"end":5.0,"evidence":"…","confidence":1,"needs_review":false}""")) + "]";
                await tx.ExecuteAsync(
                    "INSERT INTO call_judgements (call_id, revision, ruleset, score, fatal, hits, category, updated_at_ms) VALUES (@id, 1, 'water-hotline@2', @score, @fatal, @hits, @category, 0)",
                    new SqlParameterList { { "id", id }, { "score", fatal ? 0 : 100 - 5 * hits.Count }, { "fatal", fatal ? 1 : 0 }, { "hits", hitsJson }, { "category", "C0" + (random.Next(9) + 1) } },
                    CancellationToken.None);
                await tx.ExecuteAsync("INSERT INTO transcripts (call_id, revision, language, source, created_at_ms) VALUES (@id, 1, 'zh', 'manifest', 0)",
                    new SqlParameterList { { "id", id } }, CancellationToken.None);
                for (var s = 0; s < 6; s++)
                {
                    await tx.ExecuteAsync("INSERT INTO segments (call_id, idx, speaker, start_s, end_s, text, extra) VALUES (@id, @idx, @speaker, @start, @end, @text, NULL)",
                        new SqlParameterList
                        {
                            { "id", id }, { "idx", s }, { "speaker", s % 2 == 0 ? "agent" : "customer" }, { "start", s * 8.0 }, { "end", s * 8.0 + 6 },
                            { "text", s % 2 == 0 ? "您好，供水服务热线，请问有什么可以帮您？" : "我家从早上开始就没水了，电话是13912345678。" },
                        }, CancellationToken.None);
                }
            }
            await tx.CommitAsync(CancellationToken.None);
        }
        // The dashboard aggregates the search index, which the pipeline's index stage fills: fill it the same way.
        var index = new SpeechQa.Search.Embedded.EmbeddedSearchIndex(store, new SpeechQa.Search.SearchTokens(
            new SpeechQa.Scoring.Text.WordSegmenter(SpeechQa.Scoring.Text.JiebaModel.Load())));
        var builder = new SpeechQa.Pipeline.Search.CallDocumentBuilder(new CallStore(store, TimeProvider.System), new SpeechQa.Pipeline.Repeats.RepeatStore(store));
        var tokens = new SpeechQa.Search.SearchTokens(new SpeechQa.Scoring.Text.WordSegmenter(SpeechQa.Scoring.Text.JiebaModel.Load()));
        var documents = new List<SpeechQa.Search.CallDocument>();
        for (var i = 0; i < calls; i++)
        {
            if (await builder.BuildAsync("L" + i.ToString("0000000", CultureInfo.InvariantCulture), tokens, CancellationToken.None) is { } document)
                documents.Add(document);
            if (documents.Count == 2000 || i == calls - 1)
            {
                await index.IndexAsync(documents, CancellationToken.None);
                documents.Clear();
            }
        }
        await new PortalUserStore(store, TimeProvider.System).AddAsync("manager", "压测主管", PortalRole.Manager, null, null, "bench-password-1", CancellationToken.None);
    }

    private static async Task<string> SignInAsync(string address, string user)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var token = TokenField().Match(await client.GetStringAsync("/login")).Groups[1].Value;
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = "bench-password-1" }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
        return string.Join("; ", cookies.GetCookies(new Uri(address)).Select(c => $"{c.Name}={c.Value}"));
    }

    private static async Task<string> WrkAsync(string url, string cookie, string script, int seconds)
    {
        var info = new ProcessStartInfo("wrk", ["-t2", "-c4", $"-d{seconds}s", "-s", script, "-H", "Cookie: " + cookie, url])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no result: " + output + await process.StandardError.ReadToEndAsync());
        var f = line.Split(' ');
        return $"{f[2]} | {f[3]} | {f[4]} | {f[5]} | {f[6]} |";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
