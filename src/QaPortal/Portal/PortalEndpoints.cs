using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SpeechQa.Batch.Calls;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Batch.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Components;
using SpeechQa.QaPortal.Portal.Reviews;
using SpeechQa.QaPortal.Portal.Users;
using SpeechQa.Transcriber.Audio;
using SpeechQa.Pipeline.Repeats;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Every page and API of the portal, with the roles each allows; mapped with server-side authorization.</summary>
public static partial class PortalEndpoints
{
    public const string Scheme = "speechqa";

    private static readonly string[] Reviewers = [PortalRole.Inspector, PortalRole.Admin];
    private static readonly string[] QueueReaders = [PortalRole.Inspector, PortalRole.Trainer, PortalRole.Manager, PortalRole.Admin];
    private static readonly string[] CallReaders = [PortalRole.Inspector, PortalRole.Trainer, PortalRole.Manager, PortalRole.Admin, PortalRole.Agent];
    private static readonly string[] Managers = [PortalRole.Manager, PortalRole.Admin];
    private static readonly string[] Admins = [PortalRole.Admin];
    private static readonly string[] Agents = [PortalRole.Agent];
    private static readonly string[] Trainers = [PortalRole.Trainer, PortalRole.Admin];
    private static readonly string[] CoachingReaders = [PortalRole.Trainer, PortalRole.Admin, PortalRole.Agent];
    private static readonly string[] WallViewers = [PortalRole.Inspector, PortalRole.Manager, PortalRole.Admin];

    /// <summary>
    /// Every page and API by area, with the roles each allows and its handler: what <see cref="Map"/> maps (one route
    /// group per area) and what the authorization test walks.
    /// </summary>
    public static IReadOnlyList<PortalEndpointGroup> Areas { get; } =
    [
        new("session", "登录 Sign-in",
        [
            new("GET", "/health", null, Health),
            new("GET", "/login", null, LoginForm),
            new("POST", "/login", null, Login),
            new("POST", "/logout", [], Logout),
            new("GET", "/", [], Home),
        ]),
        new("calls", "通话与复核 Calls and reviews",
        [
            new("GET", "/queue", QueueReaders, Queue),
            new("GET", "/api/queue", QueueReaders, QueueJson),
            new("GET", "/my/calls", Agents, MyCalls),
            new("GET", "/calls/{id}", CallReaders, CallPageAsync),
            new("GET", "/api/calls/{id}", CallReaders, CallJson),
            new("GET", "/calls/{id}/audio", CallReaders, Audio),
            new("GET", "/calls/{id}/waveform", CallReaders, Waveform),
            new("POST", "/calls/{id}/hits/{rule}/review", Reviewers, Review),
            new("POST", "/calls/{id}/hits/{rule}/appeal", Agents, FileAppeal),
            new("POST", "/calls/{id}/hits/{rule}/ruling", Reviewers, RuleOnAppeal),
            new("GET", "/appeals", Reviewers, AppealsPage),
        ]),
        new("coaching", "培训 Coaching",
        [
            new("POST", "/calls/{id}/clips", Trainers, AddClip),
            new("GET", "/coaching", CoachingReaders, CoachingList),
            new("POST", "/coaching", Trainers, CreateCoachingSet),
            new("GET", "/coaching/{id}", CoachingReaders, CoachingSetPage),
            new("POST", "/coaching/{id}/clips/{clip}/move", Trainers, MoveClip),
            new("GET", "/coaching/{id}/clips/{clip}/audio", CoachingReaders, ClipAudioFile),
            new("GET", "/coaching/{id}/export.zip", Trainers, ExportCoachingSet),
        ]),
        new("reports", "报表 Reports",
        [
            new("GET", "/dashboard", Managers, DashboardPage),
            new("GET", "/reports/monthly", Managers, MonthlyReportPage),
            new("GET", "/reports/monthly.xlsx", Managers, MonthlyReportXlsx),
            new("GET", "/wall", WallViewers, WallPage),
        ]),
        new("assignments", "抽检分配 Assignments",
        [
            new("GET", "/assignments", Managers, AssignmentsPage),
            new("POST", "/assignments/sample", Managers, SampleCalls),
            new("POST", "/calls/{id}/assign", Managers, AssignCall),
        ]),
        new("admin", "管理 Administration",
        [
            new("GET", "/admin/users", Admins, UsersPage),
            new("POST", "/admin/users", Admins, AddUser),
            new("GET", "/admin/audit", Admins, AuditPage),
            new("GET", "/admin/jobs", Admins, JobsPage),
            new("GET", "/admin/rules", Admins, RulesPageAsync),
            new("POST", "/admin/rules/test", Admins, TestRules),
            new("GET", "/admin/rules/edit", Admins, RuleEditor),
            new("POST", "/admin/rules/check", Admins, CheckRules),
            new("POST", "/admin/rules/publish", Admins, PublishRules),
            new("POST", "/admin/rules/rollback", Admins, RollBackRules),
            new("POST", "/admin/jobs/{id}/retry", Admins, RetryJob),
            new("POST", "/admin/jobs/{id}/delete", Admins, DeleteJob),
            new("GET", "/admin/sources", Admins, SourcesList),
            new("POST", "/admin/sources", Admins, SaveSource),
            new("POST", "/admin/sources/remove", Admins, RemoveSource),
        ]),
    ];

    public static IReadOnlyList<PortalEndpoint> All { get; } = [.. Areas.SelectMany(a => a.Endpoints)];

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var area in Areas)
        {
            var group = app.MapGroup("").WithTags(area.Name);
            foreach (var endpoint in area.Endpoints)
            {
                var builder = group.MapMethods(endpoint.Path, [endpoint.Method], endpoint.Handler);
                if (endpoint.Roles is null)
                    builder.AllowAnonymous();
                else if (endpoint.Roles.Count == 0)
                    builder.RequireAuthorization();
                else
                    builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', endpoint.Roles) });
            }
        }
    }


    private static (string Field, string Token) Tokens(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return (tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    /// <summary>A refused input as 400 with the zh-CN/English reason.</summary>
    private static ProblemHttpResult BadRequest(ArgumentException e) => TypedResults.Problem(Reason(e), statusCode: 400);

    /// <summary>The zh-CN/English reason of a refused input, without .NET's "(Parameter …)" suffix.</summary>
    private static string Reason(ArgumentException e) => e.Message.Split(" (Parameter", 2)[0];

    /// <summary>A yyyy-MM-dd form or query value as the start of that day in Beijing time; null when empty or not a date.</summary>
    private static DateTimeOffset? BeijingDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : null;

    private static PortalFrame Frame(HttpContext context)
    {
        var (field, token) = Tokens(context);
        return new PortalFrame(PortalText.For(context), PortalSession.Of(context.User), field, token);
    }

    /// <summary>The frame with what the header shows besides the user: an inspector's open items.</summary>
    private static async Task<PortalFrame> FrameAsync(HttpContext context, CancellationToken ct)
    {
        var frame = Frame(context);
        return frame.User is { Role: PortalRole.Inspector } inspector
            ? frame with { OpenItems = await context.RequestServices.GetRequiredService<Assignments.CallAssignmentStore>().OpenCountAsync(inspector.UserName, ct).ConfigureAwait(false) }
            : frame;
    }

    /// <summary>A page: the Razor component <typeparamref name="TPage"/> rendered on the server with these parameters.</summary>
    private static RazorComponentResult<TPage> View<TPage>(object parameters, int status = 200) where TPage : IComponent =>
        new(parameters) { StatusCode = status };

    private static PortalSession Session(HttpContext context) => PortalSession.Of(context.User) ?? throw new InvalidOperationException("not signed in");

    private static async Task<ContentHttpResult> Health(StoreDataSource store, CancellationToken ct)
    {
        await store.ScalarAsync<long>("SELECT 1", null, ct).ConfigureAwait(false);
        return TypedResults.Text("ok");
    }

    private static RazorComponentResult<LoginView> LoginForm(HttpContext context, string? returnUrl) =>
        View<LoginView>(new { Frame = Frame(context), ReturnUrl = returnUrl });

    private static async Task<Results<RazorComponentResult<LoginView>, RedirectHttpResult>> Login(HttpContext context, [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl,
        PortalUserStore users, AuditLog audit, CancellationToken ct)
    {
        var t = PortalText.For(context);
        var (outcome, user) = await users.SignInAsync(userName, password, ct).ConfigureAwait(false);
        if (outcome != SignInOutcome.Success || user is null)
        {
            await audit.WriteAsync(userName, AuditLog.SignInRefused, null, outcome.ToString(), ct).ConfigureAwait(false);
            return View<LoginView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Error = outcome == SignInOutcome.LockedOut ? t["locked"] : t["badlogin"], ReturnUrl = returnUrl }, 401);
        }
        var session = new PortalSession(user.UserName, user.DisplayName, user.Role, user.AgentId, user.Team);
        await context.SignInAsync(Scheme, session.ToPrincipal(Scheme)).ConfigureAwait(false);
        await audit.WriteAsync(user.UserName, AuditLog.SignedIn, null, null, ct).ConfigureAwait(false);
        // Only local paths: an open redirect would hand the session cookie's trust to another site.
        var target = returnUrl is { Length: > 1 } r && r[0] == '/' && r[1] != '/' && r[1] != '\\' ? r : HomeOf(user.Role);
        return TypedResults.Redirect(target);
    }

    private static async Task<RedirectHttpResult> Logout(HttpContext context, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        await context.SignOutAsync(Scheme).ConfigureAwait(false);
        return TypedResults.Redirect("/login");
    }

    private static string HomeOf(string role) => role switch
    {
        PortalRole.Agent => "/my/calls",
        PortalRole.Manager => "/dashboard",
        _ => "/queue",
    };

    private static RedirectHttpResult Home(HttpContext context) => TypedResults.Redirect(HomeOf(Session(context).Role));

    private static QueueFilter FilterOf(HttpRequest request)
    {
        DateTimeOffset? Date(string name) => BeijingDay(request.Query[name].ToString());
        string? Text(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        return new QueueFilter
        {
            From = Date("from"), To = Date("to")?.AddDays(1), Agent = Text("agent"), Team = Text("team"), Category = Text("category"),
            Rule = Text("rule"), Region = Text("region"), Text = Text("q"),
            Limit = int.TryParse(request.Query["limit"], CultureInfo.InvariantCulture, out var limit) ? limit : 50,
        };
    }

    private static async Task<RazorComponentResult<QueueView>> Queue(HttpContext context, PortalCalls calls, CancellationToken ct)
    {
        var user = Session(context);
        var filter = FilterOf(context.Request);
        if (context.Request.Query["mine"] == "1")
            filter = filter with { AssignedTo = user.UserName };
        var rows = filter.Text is null ? await calls.QueueAsync(filter, user.AgentScope, ct).ConfigureAwait(false) : await calls.SearchAsync(filter, user.AgentScope, ct).ConfigureAwait(false);
        return View<QueueView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Title = PortalText.For(context)["queue"], Action = "/queue", Filter = filter, Rows = rows });
    }

    private static async Task<RazorComponentResult<QueueView>> MyCalls(HttpContext context, PortalCalls calls, CancellationToken ct)
    {
        var user = Session(context);
        var filter = FilterOf(context.Request) with { Agent = null, Team = null };
        var rows = filter.Text is null ? await calls.QueueAsync(filter, user.AgentScope, ct).ConfigureAwait(false) : await calls.SearchAsync(filter, user.AgentScope, ct).ConfigureAwait(false);
        return View<QueueView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Title = PortalText.For(context)["mycalls"], Action = "/my/calls", Filter = filter, Rows = rows });
    }

    private static async Task<JsonHttpResult<List<QueueItemJson>>> QueueJson(HttpContext context, PortalCalls calls, CancellationToken ct)
    {
        var user = Session(context);
        var rows = await calls.QueueAsync(FilterOf(context.Request), user.AgentScope, ct).ConfigureAwait(false);
        return TypedResults.Json(rows.Select(QueueItemJson.Of).ToList());
    }

    /// <summary>The call if this user may see it; agents only their own (others get 404, which reveals nothing).</summary>
    internal static async Task<StoredCall?> VisibleCallAsync(PortalSession user, string id, CallStore calls, CancellationToken ct)
    {
        var call = await calls.GetAsync(id, ct).ConfigureAwait(false);
        return call is null || (user.AgentScope is { } scope && call.Call.AgentId != scope) ? null : call;
    }

    /// <summary>The call's recording file, when it has one still on disk.</summary>
    internal static string? RecordingOf(StoredCall? call) => call?.Call.AudioPath is { } path && File.Exists(path) ? path : null;

    private static async Task<Results<RazorComponentResult<CallPageView>, RazorComponentResult<MessageView>>> CallPageAsync([AsParameters] CallRequest request,
        Coaching.CoachingStore coaching, PortalUserStore users)
    {
        var (context, id, ct) = (request.Context, request.Id, request.Cancellation);
        var user = Session(context);
        if (await request.ViewAsync(user).ConfigureAwait(false) is not { } view)
            return View<MessageView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Title = PortalText.For(context)["notfound"] }, 404);
        await request.Audit.WriteAsync(user.UserName, AuditLog.OpenedCall, id, null, ct).ConfigureAwait(false);
        var tools = new CallTools(
            user.Role is PortalRole.Trainer or PortalRole.Admin ? await coaching.ListAsync(ct).ConfigureAwait(false) : null,
            user.Role is PortalRole.Manager or PortalRole.Admin ? await users.InspectorsAsync(ct).ConfigureAwait(false) : null);
        return View<CallPageView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), View = view, Tools = tools });
    }

    private static async Task<Results<NotFound, JsonHttpResult<CallJson>>> CallJson([AsParameters] CallRequest request)
    {
        var user = Session(request.Context);
        if (await request.ViewAsync(user).ConfigureAwait(false) is not { } view)
            return TypedResults.NotFound();
        await request.Audit.WriteAsync(user.UserName, AuditLog.OpenedCall, request.Id, "api", request.Cancellation).ConfigureAwait(false);
        return TypedResults.Json(Portal.CallJson.Of(view, new PersonalDataMask(user.Role)));
    }

    /// <summary>The recording's peaks per channel for the call page's waveform (amplitude only: not audited as a listen).</summary>
    private static async Task<Results<NotFound, JsonHttpResult<WaveformPeaks>>> Waveform(HttpContext context, string id, CallStore calls, AudioDecoder decoder, CancellationToken ct)
    {
        if (RecordingOf(await VisibleCallAsync(Session(context), id, calls, ct).ConfigureAwait(false)) is not { } path)
            return TypedResults.NotFound();
        return TypedResults.Json(WaveformPeaks.Of(await decoder.DecodeAsync(path, ct).ConfigureAwait(false)));
    }

    private static async Task<Results<NotFound, PhysicalFileHttpResult, FileContentHttpResult>> Audio(HttpContext context, string id, CallStore calls, AuditLog audit, CancellationToken ct)
    {
        var user = Session(context);
        if (RecordingOf(await VisibleCallAsync(user, id, calls, ct).ConfigureAwait(false)) is not { } path)
            return TypedResults.NotFound();
        await audit.WriteAsync(user.UserName, AuditLog.ListenedToCall, id, context.Request.Headers.Range.ToString(), ct).ConfigureAwait(false);
        var playable = await BrowserAudio.PlayableAsync(path, ct).ConfigureAwait(false);
        return playable.IsOriginal
            ? TypedResults.PhysicalFile(path, "audio/wav", enableRangeProcessing: true)
            : TypedResults.File(playable.Bytes!, "audio/wav", enableRangeProcessing: true);
    }

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> Review(HttpContext context, string id, string rule, [FromForm] string decision, [FromForm] string? comment, [FromForm] string? batch,
        CallStore calls, HitReviewStore reviews, AuditLog audit, CancellationToken ct)
    {
        var user = Session(context);
        if (await VisibleCallAsync(user, id, calls, ct).ConfigureAwait(false) is null
            || await calls.GetJudgementAsync(id, ct).ConfigureAwait(false) is not { } judgement)
            return TypedResults.NotFound();
        try
        {
            var (score, fatal) = await reviews.ReviewAsync(id, judgement.HitsJson, rule, decision, comment, user.UserName, ct).ConfigureAwait(false);
            await audit.WriteAsync(user.UserName, AuditLog.ReviewedHit, id, $"{rule} {decision} → {(fatal ? "fatal" : score.ToString(CultureInfo.InvariantCulture))}", ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e);
        }
        // Back to the call — with the batch of calls being reviewed in a row, if there is one.
        return TypedResults.Redirect("/calls/" + Uri.EscapeDataString(id) + (batch is { Length: > 0 } ? "?batch=" + Uri.EscapeDataString(batch) : ""), permanent: false, preserveMethod: false);
    }

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> FileAppeal(HttpContext context, string id, string rule, [FromForm] string reason, CallStore calls, AppealStore appeals, AuditLog audit, CancellationToken ct) =>
        await AppealActionAsync(context, id, calls, audit, "appeal", rule, (hits, user) => appeals.FileAsync(id, hits, rule, user.UserName, reason, ct), ct).ConfigureAwait(false);

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> RuleOnAppeal(HttpContext context, string id, string rule, [FromForm] bool upheld, [FromForm] string ruling, CallStore calls, AppealStore appeals,
        AuditLog audit, CancellationToken ct) =>
        await AppealActionAsync(context, id, calls, audit, upheld ? "appeal-upheld" : "appeal-rejected", rule,
            (hits, user) => appeals.RuleAsync(id, hits, rule, upheld, ruling, user.UserName, ct), ct).ConfigureAwait(false);

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> AppealActionAsync(HttpContext context, string id, CallStore calls, AuditLog audit, string action, string rule,
        Func<string, PortalSession, Task> act, CancellationToken ct)
    {
        var user = Session(context);
        if (await VisibleCallAsync(user, id, calls, ct).ConfigureAwait(false) is null || await calls.GetJudgementAsync(id, ct).ConfigureAwait(false) is not { } judgement)
            return TypedResults.NotFound();
        try
        {
            await act(judgement.HitsJson, user).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e);
        }
        await audit.WriteAsync(user.UserName, action, id, rule, ct).ConfigureAwait(false);
        return TypedResults.Redirect("/calls/" + Uri.EscapeDataString(id));
    }

    private static async Task<RazorComponentResult<AppealsView>> AppealsPage(HttpContext context, AppealStore appeals, CancellationToken ct) =>
        View<AppealsView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Appeals = await appeals.OpenAsync(ct).ConfigureAwait(false) });

    private static DateOnly MonthOf(HttpRequest request, TimeProvider time) =>
        DateOnly.TryParseExact(request.Query["month"].ToString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m
            : DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime) is var today ? new DateOnly(today.Year, today.Month, 1) : default;

    private static async Task<RazorComponentResult<MonthlyReportView>> MonthlyReportPage(HttpContext context, Reports.MonthlyReport reports, TimeProvider time, CancellationToken ct)
    {
        var report = await reports.ComputeAsync(MonthOf(context.Request, time), ct).ConfigureAwait(false);
        return View<MonthlyReportView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Report = report });
    }

    private static async Task<FileContentHttpResult> MonthlyReportXlsx(HttpContext context, Reports.MonthlyReport reports, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var report = await reports.ComputeAsync(MonthOf(context.Request, time), ct).ConfigureAwait(false);
        await audit.WriteAsync(Session(context).UserName, "export-report", null, report.Month, ct).ConfigureAwait(false);
        return TypedResults.File(Reports.MonthlyReport.ToXlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"speechqa-{report.Month}.xlsx");
    }

    /// <summary>A set this user may see: trainers and admins all, agents those shared with their agent id or team.</summary>
    private static async Task<Coaching.CoachingSet?> VisibleSetAsync(PortalSession user, string id, Coaching.CoachingStore coaching, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var setId) || await coaching.GetAsync(setId, ct).ConfigureAwait(false) is not { } set)
            return null;
        return user.Role != PortalRole.Agent || set.IsSharedWith(user.AgentId, user.Team) ? set : null;
    }

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> AddClip(HttpContext context, string id, [AsParameters] ClipForm form, CallStore calls, Coaching.CoachingStore coaching, AuditLog audit, CancellationToken ct)
    {
        var (setId, start, end, note) = (form.SetId, form.Start, form.End, form.Note);
        var user = Session(context);
        if (await VisibleCallAsync(user, id, calls, ct).ConfigureAwait(false) is null || await coaching.GetAsync(setId, ct).ConfigureAwait(false) is null)
            return TypedResults.NotFound();
        try
        {
            await coaching.AddClipAsync(setId, id, start, end, note ?? "", ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e);
        }
        await audit.WriteAsync(user.UserName, "add-clip", id, $"set {setId} {start}-{end}", ct).ConfigureAwait(false);
        return TypedResults.Redirect($"/coaching/{setId}");
    }

    private static async Task<RazorComponentResult<CoachingListView>> CoachingList(HttpContext context, Coaching.CoachingStore coaching, CancellationToken ct)
    {
        var user = Session(context);
        var sets = (await coaching.ListAsync(ct).ConfigureAwait(false)).Where(s => user.Role != PortalRole.Agent || s.IsSharedWith(user.AgentId, user.Team)).ToList();
        return View<CoachingListView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Sets = sets, CanEdit = user.Role is PortalRole.Trainer or PortalRole.Admin });
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CreateCoachingSet(HttpContext context, [FromForm] string name, [FromForm] string? tags, [FromForm] string? sharedWith,
        Coaching.CoachingStore coaching, CancellationToken ct)
    {
        try
        {
            var id = await coaching.CreateAsync(name, tags ?? "", sharedWith ?? "", Session(context).UserName, ct).ConfigureAwait(false);
            return TypedResults.Redirect($"/coaching/{id}");
        }
        catch (ArgumentException e)
        {
            return BadRequest(e);
        }
    }

    private static async Task<List<ClipView>> ClipViewsAsync(PortalSession user, Coaching.CoachingSet set, Coaching.CoachingStore coaching, CallStore calls, CancellationToken ct)
    {
        var mask = new PersonalDataMask(user.Role);
        var views = new List<ClipView>();
        foreach (var clip in await coaching.ClipsAsync(set.Id, ct).ConfigureAwait(false))
        {
            views.Add(new ClipView(clip, ClipView.LinesOf(await calls.GetTranscriptAsync(clip.CallId, ct).ConfigureAwait(false), clip, mask),
                RecordingOf(await calls.GetAsync(clip.CallId, ct).ConfigureAwait(false))));
        }
        return views;
    }

    private static async Task<Results<RazorComponentResult<CoachingSetView>, NotFound>> CoachingSetPage(HttpContext context, string id, Coaching.CoachingStore coaching, CallStore calls, CancellationToken ct)
    {
        var user = Session(context);
        if (await VisibleSetAsync(user, id, coaching, ct).ConfigureAwait(false) is not { } set)
            return TypedResults.NotFound();
        return View<CoachingSetView>(new
        {
            Frame = await FrameAsync(context, ct).ConfigureAwait(false), Set = set, Clips = await ClipViewsAsync(user, set, coaching, calls, ct).ConfigureAwait(false),
            CanEdit = user.Role is PortalRole.Trainer or PortalRole.Admin,
        });
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> MoveClip(HttpContext context, string id, string clip, [FromForm] int direction, Coaching.CoachingStore coaching, CancellationToken ct)
    {
        if (await VisibleSetAsync(Session(context), id, coaching, ct).ConfigureAwait(false) is not { } set
            || !long.TryParse(clip, NumberStyles.None, CultureInfo.InvariantCulture, out var clipId) || !await coaching.MoveAsync(set.Id, clipId, direction, ct).ConfigureAwait(false))
            return TypedResults.NotFound();
        return TypedResults.Redirect($"/coaching/{set.Id}");
    }

    private static async Task<Results<NotFound, FileContentHttpResult>> ClipAudioFile(HttpContext context, string id, string clip, Coaching.CoachingStore coaching, CallStore calls, AuditLog audit, CancellationToken ct)
    {
        var user = Session(context);
        if (await VisibleSetAsync(user, id, coaching, ct).ConfigureAwait(false) is not { } set
            || (await coaching.ClipsAsync(set.Id, ct).ConfigureAwait(false)).FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == clip) is not { } found
            || RecordingOf(await calls.GetAsync(found.CallId, ct).ConfigureAwait(false)) is not { } path)
            return TypedResults.NotFound();
        await audit.WriteAsync(user.UserName, AuditLog.ListenedToCall, found.CallId, $"coaching {set.Id} clip {found.Id}", ct).ConfigureAwait(false);
        return TypedResults.File(await Coaching.ClipAudio.CutAsync(path, found.Start, found.End, ct).ConfigureAwait(false), "audio/wav", enableRangeProcessing: true);
    }

    private static async Task<Results<NotFound, FileContentHttpResult>> ExportCoachingSet(HttpContext context, string id, Coaching.CoachingStore coaching, CallStore calls, AuditLog audit, CancellationToken ct)
    {
        var user = Session(context);
        if (await VisibleSetAsync(user, id, coaching, ct).ConfigureAwait(false) is not { } set)
            return TypedResults.NotFound();
        var t = PortalText.For(context);
        var views = await ClipViewsAsync(user, set, coaching, calls, ct).ConfigureAwait(false);
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < views.Count; i++)
            {
                var clip = views[i].Clip;
                var stem = $"clips/{i + 1:00}-{clip.CallId}";
                await using (var text = new StreamWriter(await archive.CreateEntry(stem + ".txt").OpenAsync(ct).ConfigureAwait(false)))
                {
                    await text.WriteLineAsync($"{clip.CallId} {clip.Start:0.0}-{clip.End:0.0}s  {clip.Note}").ConfigureAwait(false);
                    foreach (var (speaker, start, line) in views[i].Lines)
                        await text.WriteLineAsync($"[{start:0.0}s {(speaker == "agent" ? "坐席" : "客户")}] {line}").ConfigureAwait(false);
                }
                if (views[i].Recording is { } path)
                {
                    var wav = await Coaching.ClipAudio.CutAsync(path, clip.Start, clip.End, ct).ConfigureAwait(false);
                    await using var entry = await archive.CreateEntry(stem + ".wav").OpenAsync(ct).ConfigureAwait(false);
                    await entry.WriteAsync(wav, ct).ConfigureAwait(false);
                }
            }
            await using var index = new StreamWriter(await archive.CreateEntry("index.html").OpenAsync(ct).ConfigureAwait(false));
            // The printable set as the zip's index.html: the page's own component, without a signed-in frame.
            await index.WriteAsync(await StaticPage.RenderAsync<CoachingSetView>(context.RequestServices, new Dictionary<string, object?>
            {
                ["Frame"] = new PortalFrame(t, null, "", ""), ["Set"] = set, ["Clips"] = views, ["CanEdit"] = false,
            }).ConfigureAwait(false)).ConfigureAwait(false);
        }
        await audit.WriteAsync(user.UserName, "export-coaching", null, $"set {set.Id}: {string.Join(",", views.Select(v => v.Clip.CallId))}", ct).ConfigureAwait(false);
        return TypedResults.File(zip.ToArray(), "application/zip", $"coaching-{set.Id}.zip");
    }

    private static async Task<RazorComponentResult<DashboardView>> DashboardPage(HttpContext context, Dashboard dashboard, CancellationToken ct) =>
        await DashboardViewAsync(context, dashboard, ct).ConfigureAwait(false);

    private static async Task<RazorComponentResult<DashboardView>> DashboardViewAsync(HttpContext context, Dashboard dashboard, CancellationToken ct) =>
        View<DashboardView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Figures = await dashboard.ComputeAsync(ct).ConfigureAwait(false) });

    private static async Task<RazorComponentResult<UsersView>> UsersPage(HttpContext context, PortalUserStore users, CancellationToken ct) =>
        View<UsersView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Users = await users.ListAsync(ct).ConfigureAwait(false) });

    private static async Task<RazorComponentResult<UsersView>> AddUser(HttpContext context, [AsParameters] UserForm form, PortalUserStore users, AuditLog audit, CancellationToken ct)
    {
        var (userName, displayName, role, agentId, team, password) = (form.UserName, form.DisplayName, form.Role, form.AgentId, form.Team, form.Password);
        var user = Session(context);
        string? message = null;
        try
        {
            await users.AddAsync(userName, displayName, role, agentId is { Length: > 0 } ? agentId : null, team is { Length: > 0 } ? team : null, password, ct).ConfigureAwait(false);
            await audit.WriteAsync(user.UserName, "add-user", null, $"{userName} {role}", ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            message = e.Message;
        }
        return View<UsersView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Users = await users.ListAsync(ct).ConfigureAwait(false), Message = message }, message is null ? 200 : 400);
    }

    private static Results<RazorComponentResult<MessageView>, RazorComponentResult<RulesView>> RulesPageAsync(HttpContext context, SpeechQa.Pipeline.CallScoring scoring)
    {
        var t = PortalText.For(context);
        if (scoring.Judge is not { } judge)
            return View<MessageView>(new { Frame = Frame(context), Title = t["rulesets"], Error = t["norules"] });
        return View<RulesView>(new { Frame = Frame(context), Sets = judge.Catalog.All });
    }

    private static Results<RazorComponentResult<MessageView>, RazorComponentResult<RulesView>> TestRules(HttpContext context, [FromForm] string ruleSet, [FromForm] string? dialogue, SpeechQa.Pipeline.CallScoring scoring, CancellationToken ct)
    {
        var t = PortalText.For(context);
        if (scoring.Judge is not { } judge)
            return View<MessageView>(new { Frame = Frame(context), Title = t["rulesets"], Error = t["norules"] }, 400);
        try
        {
            var transcript = RuleSets.PastedDialogue.Parse(dialogue ?? "");
            var result = judge.Judge(ruleSet, transcript, new Scoring.Rules.CallMetadata { Direction = "inbound", DurationSeconds = transcript.Segments[^1].End }, null, ct);
            return View<RulesView>(new { Frame = Frame(context), Sets = judge.Catalog.All, Dialogue = dialogue, Chosen = ruleSet, Result = result });
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException)
        {
            return View<RulesView>(new { Frame = Frame(context), Sets = judge.Catalog.All, Dialogue = dialogue, Chosen = ruleSet, Error = e.Message }, 400);
        }
    }

    private static RazorComponentResult<JobsView> JobsPage(HttpContext context, PipelineJobMonitor jobs) =>
        View<JobsView>(new { Frame = Frame(context), Counts = jobs.Counts(), Failed = jobs.List(JobListState.Failed, 100), Recurring = jobs.Recurring(), Servers = jobs.Servers() });

    private static async Task<Results<RedirectHttpResult, NotFound>> RetryJob(HttpContext context, string id, IAntiforgery antiforgery, PipelineJobMonitor jobs, AuditLog audit, CancellationToken ct) =>
        await JobActionAsync(context, id, antiforgery, audit, "retry-job", jobs.Retry, ct).ConfigureAwait(false);

    private static async Task<Results<RedirectHttpResult, NotFound>> DeleteJob(HttpContext context, string id, IAntiforgery antiforgery, PipelineJobMonitor jobs, AuditLog audit, CancellationToken ct) =>
        await JobActionAsync(context, id, antiforgery, audit, "delete-job", jobs.Delete, ct).ConfigureAwait(false);

    private static async Task<Results<RedirectHttpResult, NotFound>> JobActionAsync(HttpContext context, string id, IAntiforgery antiforgery, AuditLog audit, string action,
        Func<string, bool> run, CancellationToken ct)
    {
        await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        // Hangfire's ids are numbers on PostgreSQL and GUIDs in memory; anything else is not a job.
        if (id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !run(id))
            return TypedResults.NotFound();
        await audit.WriteAsync(Session(context).UserName, action, null, id, ct).ConfigureAwait(false);
        return TypedResults.Redirect("/admin/jobs");
    }

    private static async Task<RazorComponentResult<WallView>> WallPage(HttpContext context, StoreDataSource store, CallStore calls, PipelineJobMonitor jobs, TimeProvider time, CancellationToken ct)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var p = new SqlParameterList { { "from", today.ToUnixTimeMilliseconds() } };
        var rows = await store.QueryAsync(
            "SELECT j.fatal, j.hits FROM calls c JOIN call_judgements j ON j.call_id = c.call_id WHERE c.started_at_ms >= @from", p,
            r => (Fatal: r.ReadLong(0) != 0, Rules: QueueRules.Of(r.GetString(1)).ToList()), ct).ConfigureAwait(false);
        var figures = new WallFigures(rows.Count, rows.Count(r => r.Fatal),
            [.. rows.SelectMany(r => r.Rules).GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).Select(g => (g.Key, g.Count()))],
            await calls.CountByStatusAsync(ct).ConfigureAwait(false), jobs.Counts());
        return View<WallView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Figures = figures });
    }

    private static async Task<RazorComponentResult<AuditView>> AuditPage(HttpContext context, AuditLog audit, CancellationToken ct) =>
        View<AuditView>(new { Frame = await FrameAsync(context, ct).ConfigureAwait(false), Entries = await audit.ListAsync(200, ct).ConfigureAwait(false) });
}
