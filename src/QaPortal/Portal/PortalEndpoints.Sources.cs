using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Components;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Recording sources: list with scan state, add/change, remove.</summary>
public static partial class PortalEndpoints
{
    private static Task<RazorComponentResult<SourcesView>> SourcesList(HttpContext context, RecordingSourceStore sources, PipelineJobMonitor jobs, StoreDataSource store,
        CallScoring scoring, CancellationToken ct) => SourcesViewAsync(context, sources, jobs, store, scoring, null, ct);

    private static async Task<RazorComponentResult<SourcesView>> SourcesViewAsync(HttpContext context, RecordingSourceStore sources, PipelineJobMonitor jobs, StoreDataSource store,
        CallScoring scoring, string? error, CancellationToken ct)
    {
        var scans = jobs.Recurring().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rows = new List<SourceRow>();
        foreach (var source in await sources.ListAsync(ct).ConfigureAwait(false))
        {
            var scan = scans.GetValueOrDefault(source.RecurringId);
            var manifests = await store.ScalarAsync<long>("SELECT COUNT(*) FROM ingested_manifests WHERE path LIKE @prefix",
                new SqlParameterList { { "prefix", source.Folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar + "%" } }, ct).ConfigureAwait(false);
            rows.Add(new SourceRow(source, Directory.Exists(source.Folder), scan?.NextRun, scan?.LastRun, manifests));
        }
        return View<SourcesView>(new
        {
            Frame = await FrameAsync(context, ct).ConfigureAwait(false), Rows = rows, RuleSets = (scoring.Judge?.Catalog.All ?? []).Select(s => s.Id).Order(StringComparer.Ordinal).ToList(), Error = error,
        }, error is null ? 200 : 400);
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<SourcesView>>> SaveSource(HttpContext context, [AsParameters] SourceForm form, RecordingSourceStore sources, PipelineJobMonitor jobs, StoreDataSource store,
        CallScoring scoring, AuditLog audit, CancellationToken ct)
    {
        var (folder, name, channels, ruleSet, cron) = (form.Folder, form.Name, form.Channels, form.RuleSet, form.Cron);
        try
        {
            if (ruleSet is { Length: > 0 } && scoring.Judge?.Catalog.Find(ruleSet) is null)
                throw new ArgumentException($"没有规则集 no rule set '{ruleSet}'", nameof(form));
            var source = await sources.SaveAsync(folder ?? "", name ?? "", channels ?? "", ruleSet, cron ?? "", Session(context).UserName, ct).ConfigureAwait(false);
            await audit.WriteAsync(Session(context).UserName, "save-source", null, $"{source.Folder} {source.Channels} {source.RuleSet} {source.Cron}", ct).ConfigureAwait(false);
            return TypedResults.Redirect("/admin/sources");
        }
        catch (ArgumentException e)
        {
            return await SourcesViewAsync(context, sources, jobs, store, scoring, Reason(e), ct).ConfigureAwait(false);
        }
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> RemoveSource(HttpContext context, [FromForm] string? folder, RecordingSourceStore sources, AuditLog audit, CancellationToken ct)
    {
        if (folder is null || !await sources.RemoveAsync(folder, ct).ConfigureAwait(false))
            return TypedResults.NotFound();
        await audit.WriteAsync(Session(context).UserName, "remove-source", null, folder, ct).ConfigureAwait(false);
        return TypedResults.Redirect("/admin/sources");
    }
}
