using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Transcripts;
using SpeechQa.QaPortal.Portal;
using SpeechQa.QaPortal.Portal.Components;
using SpeechQa.QaPortal.Portal.Reviews;
using SpeechQa.QaPortal.Portal.Users;

namespace SpeechQa.Tests.Portal;

/// <summary>
/// Pages are Razor components, so every value is encoded by construction: a transcript, a team, a display name, a
/// hit's evidence and a review comment that carry markup come out as text, never as elements.
/// </summary>
public sealed class PageEncodingTests
{
    private const string Script = "<script>alert('x')</script>";

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPageEncoder(); // the portal's own encoder
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Markup_in_a_transcript_team_display_name_and_review_is_encoded_on_the_call_and_users_pages()
    {
        await using var services = Services();
        var user = new PortalSession("inspector", "质检" + Script, PortalRole.Inspector, null);
        var frame = new PortalFrame(new PortalText(english: false), user, "__RequestVerificationToken", "token\"><script>");
        var call = new Call
        {
            CallId = "X-1", StartedAt = new DateTimeOffset(2024, 11, 5, 9, 0, 0, TimeSpan.FromHours(8)), Direction = CallDirection.Inbound,
            Caller = "13800000000", AgentId = "A001", AgentName = Script, Team = "热线" + Script, Region = Script,
        };
        var transcript = new Transcript("X-1", "zh", "test", [new TranscriptSegment(Speaker.Agent, 0.5, 3, "您好" + Script), new TranscriptSegment(Speaker.Customer, 4, 6, Script)]);
        const string hits = """[{"rule":"N01","name":"<b>开场</b>","severity":"non-fatal","points":5,"segment":0,"start":0.5,"evidence":"<script>alert('e')</script>"}]""";
        var view = new CallView(new StoredCall(call, 1, CallStatus.Scored, null, DateTimeOffset.UtcNow), transcript, new StoredJudgement("water", 95, false, hits, "C03"),
            new Dictionary<string, HitReview> { ["N01"] = new("N01", "confirmed", Script, "inspector", DateTimeOffset.UtcNow) },
            null, null, HasAudio: false, new Dictionary<string, Appeal>());

        var page = await StaticPage.RenderAsync<CallPageView>(services, new Dictionary<string, object?> { ["Frame"] = frame, ["View"] = view });
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>开场", page, StringComparison.Ordinal);
        Assert.DoesNotContain("token\"><script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page, StringComparison.Ordinal); // shown as text
        Assert.Contains("热线&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("质检&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;开场&lt;/b&gt;", page, StringComparison.Ordinal);

        var users = await StaticPage.RenderAsync<UsersView>(services, new Dictionary<string, object?>
        {
            ["Frame"] = frame,
            ["Users"] = new List<PortalUser> { new("x", Script, PortalRole.Trainer, null, "二组" + Script, "hash", 0, null) },
        });
        Assert.DoesNotContain("<script>alert", users, StringComparison.Ordinal);
        Assert.Contains("二组&lt;script&gt;", users, StringComparison.Ordinal);
    }
}
