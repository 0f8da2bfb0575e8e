using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechQa.Batch.Store;
using SpeechQa.QaPortal.Portal.Assignments;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Components;
using SpeechQa.QaPortal.Portal.Users;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Sampling plans and one-by-one assignment of calls to inspectors.</summary>
public static partial class PortalEndpoints
{
    private static async Task<RazorComponentResult<AssignmentsView>> AssignmentsPage(HttpContext context, PortalUserStore users, CallAssignmentStore assignments, CancellationToken ct) =>
        await AssignmentViewAsync(context, users, assignments, null, null, ct).ConfigureAwait(false);

    private static async Task<RazorComponentResult<AssignmentsView>> AssignmentViewAsync(HttpContext context, PortalUserStore users, CallAssignmentStore assignments, SamplingOutcome? outcome,
        string? error, CancellationToken ct)
    {
        var inspectors = await users.InspectorsAsync(ct).ConfigureAwait(false);
        return View<AssignmentsView>(new
        {
            Frame = await FrameAsync(context, ct).ConfigureAwait(false), Inspectors = inspectors, Loads = await assignments.LoadsAsync(ct).ConfigureAwait(false), Outcome = outcome, Error = error,
        }, error is null ? 200 : 400);
    }

    private static async Task<RazorComponentResult<AssignmentsView>> SampleCalls(HttpContext context, [AsParameters] SamplingForm form, PortalUserStore users, CallAssignmentStore assignments, AuditLog audit, CancellationToken ct)
    {
        var (from, to, percent, scoreAtMost, seed) = (form.From, form.To, form.Percent, form.ScoreAtMost, form.Seed);
        var chosen = context.Request.Form["inspectors"].Where(i => i is { Length: > 0 }).Select(i => i!).ToList();
        var known = await users.InspectorsAsync(ct).ConfigureAwait(false);
        try
        {
            if (BeijingDay(from) is not { } start || BeijingDay(to) is not { } end)
                throw new ArgumentException("请填写开始和结束日期 give the first and the last day", nameof(form));
            if (chosen.FirstOrDefault(i => !known.Contains(i)) is { } stranger)
                throw new ArgumentException($"不是质检员 not an inspector: {stranger}", nameof(context));
            var plan = new SamplingPlan(start, end.AddDays(1), chosen,
                double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 5,
                int.TryParse(scoreAtMost, CultureInfo.InvariantCulture, out var s) ? s : 80, seed ?? "");
            var outcome = await assignments.SampleAsync(plan, Session(context).UserName, ct).ConfigureAwait(false);
            await audit.WriteAsync(Session(context).UserName, "sample-calls", null,
                $"{from}..{to} {plan.Percent}% ≤{plan.ScoreAtMost}: {outcome.Assigned} of {outcome.Considered}", ct).ConfigureAwait(false);
            return await AssignmentViewAsync(context, users, assignments, outcome, null, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await AssignmentViewAsync(context, users, assignments, null, Reason(e), ct).ConfigureAwait(false);
        }
    }

    private static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> AssignCall(HttpContext context, string id, [FromForm] string? inspector, CallStore calls, PortalUserStore users,
        CallAssignmentStore assignments, AuditLog audit, CancellationToken ct)
    {
        if (await calls.GetAsync(id, ct).ConfigureAwait(false) is null)
            return TypedResults.NotFound();
        if (inspector is null || !(await users.InspectorsAsync(ct).ConfigureAwait(false)).Contains(inspector, StringComparer.Ordinal))
            return BadRequest(new ArgumentException($"不是质检员 not an inspector: {inspector}", nameof(inspector)));
        await assignments.AssignAsync(id, inspector!, Session(context).UserName, ct).ConfigureAwait(false);
        await audit.WriteAsync(Session(context).UserName, "assign-call", id, inspector, ct).ConfigureAwait(false);
        return TypedResults.Redirect("/calls/" + Uri.EscapeDataString(id));
    }
}
