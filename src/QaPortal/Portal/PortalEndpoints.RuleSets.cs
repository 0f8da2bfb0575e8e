using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Components;
using SpeechQa.QaPortal.Portal.RuleSets;

namespace SpeechQa.QaPortal.Portal;

/// <summary>The rule editor: view a rule file (or its text in an earlier release), check and backtest an edit, publish, roll back.</summary>
public static partial class PortalEndpoints
{
    private static async Task<Results<NotFound, RazorComponentResult<RuleEditView>>> RuleEditor(HttpContext context, string? file, int? version, RuleSetPublisher publisher, RuleReleaseStore releases, CancellationToken ct)
    {
        if (publisher.Catalog is null || await publisher.ReadAsync(file ?? "", ct).ConfigureAwait(false) is not { } text)
            return TypedResults.NotFound();
        var state = new RuleEditState(file!, text);
        if (version is { } v)
        {
            if ((await releases.FilesAsync(v, ct).ConfigureAwait(false)).GetValueOrDefault(file!) is not { } earlier)
                return TypedResults.NotFound();
            state = state with { Yaml = earlier, Viewing = v };
        }
        return await EditorPageAsync(context, publisher, state, 200, ct).ConfigureAwait(false);
    }

    private static async Task<RazorComponentResult<RuleEditView>> EditorPageAsync(HttpContext context, RuleSetPublisher publisher, RuleEditState state, int status, CancellationToken ct) =>
        View<RuleEditView>(new
        {
            Frame = await FrameAsync(context, ct).ConfigureAwait(false), Catalog = publisher.Catalog!, Files = publisher.Files(), History = await publisher.HistoryAsync(ct).ConfigureAwait(false), State = state,
        }, status);

    private static async Task<Results<NotFound, RazorComponentResult<RuleEditView>>> CheckRules(HttpContext context, [AsParameters] RuleCheckForm form, RuleSetPublisher publisher, RuleBacktest backtests, CallScoring scoring, AuditLog audit, CancellationToken ct)
    {
        var (file, yaml, backtest, since, limit) = (form.File, form.Yaml, form.Backtest, form.Since, form.Limit);
        if (scoring.Judge is not { } judge || await publisher.ReadAsync(file ?? "", ct).ConfigureAwait(false) is null)
            return TypedResults.NotFound();
        var text = yaml ?? "";
        var check = await publisher.CheckAsync(file!, text, ct).ConfigureAwait(false);
        BacktestResult? result = null;
        if (check.IsValid && backtest == "1")
        {
            var from = BeijingDay(since);
            var most = int.TryParse(limit, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100_000) : 2000;
            result = await backtests.RunAsync(judge, judge.WithCatalog(check.Catalog!), from, most, ct).ConfigureAwait(false);
            await audit.WriteAsync(Session(context).UserName, "backtest-rules", null, $"{file}: {result.Calls} calls, {result.Changed} changed", ct).ConfigureAwait(false);
        }
        return await EditorPageAsync(context, publisher, new RuleEditState(file!, text, check, result), check.IsValid ? 200 : 400, ct).ConfigureAwait(false);
    }

    private static async Task<Results<NotFound, RazorComponentResult<RuleEditView>>> PublishRules(HttpContext context, [FromForm] string? file, [FromForm] string? yaml, [FromForm] string? note,
        RuleSetPublisher publisher, AuditLog audit, CancellationToken ct)
    {
        if (publisher.Catalog is null || await publisher.ReadAsync(file ?? "", ct).ConfigureAwait(false) is null)
            return TypedResults.NotFound();
        return await PublishingAsync(context, file!, yaml ?? "", publisher, audit,
            () => publisher.PublishAsync(file!, yaml ?? "", Session(context).UserName, note ?? "", ct), ct).ConfigureAwait(false);
    }

    private static async Task<Results<NotFound, RazorComponentResult<RuleEditView>, ProblemHttpResult>> RollBackRules(HttpContext context, [FromForm] string? file, [FromForm] string? version, RuleSetPublisher publisher, AuditLog audit, CancellationToken ct)
    {
        if (publisher.Catalog is null)
            return TypedResults.NotFound();
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            return BadRequest(new ArgumentException("请选择要回滚到的版本 choose the release to roll back to", nameof(version)));
        var shown = file is { Length: > 0 } && publisher.Files().Contains(file, StringComparer.Ordinal) ? file : publisher.Files()[0];
        return await PublishingAsync(context, shown, await publisher.ReadAsync(shown, ct).ConfigureAwait(false) ?? "", publisher, audit,
            () => publisher.RollBackAsync(to, Session(context).UserName, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Runs a publish or rollback; the editor comes back with the new release in force, or with the errors in place.</summary>
    private static async Task<RazorComponentResult<RuleEditView>> PublishingAsync(HttpContext context, string file, string shownOnFailure, RuleSetPublisher publisher, AuditLog audit,
        Func<Task<RuleRelease>> publish, CancellationToken ct)
    {
        try
        {
            var release = await publish().ConfigureAwait(false);
            await audit.WriteAsync(Session(context).UserName, "publish-rules", null, $"v{release.Version} {release.ChangedFile}: {release.Note}", ct).ConfigureAwait(false);
            var t = PortalText.For(context);
            return await EditorPageAsync(context, publisher, new RuleEditState(file, await publisher.ReadAsync(file, ct).ConfigureAwait(false) ?? "",
                Message: $"{t["published"]} v{release.Version}"), 200, ct).ConfigureAwait(false);
        }
        catch (RuleSetRejectedException e)
        {
            return await EditorPageAsync(context, publisher, new RuleEditState(file, shownOnFailure, e.Candidate), 400, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return await EditorPageAsync(context, publisher, new RuleEditState(file, shownOnFailure, Message: e.Message), 409, ct).ConfigureAwait(false);
        }
    }
}
