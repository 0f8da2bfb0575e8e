using System.CommandLine;
using System.Globalization;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Search;
using SpeechQa.Search;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa search "&lt;query&gt;" [filters]`: scored calls whose segments contain the words and "phrases", with the
/// filters the portal has; prints one line per call with its highlighted snippets and the cursor of the next page.
/// `speechqa index rebuild`: writes every scored call to the configured index again.
/// </summary>
public static class SearchCommand
{
    public static Command CreateSearch(GlobalOptions global)
    {
        var text = new Argument<string?>("query") { Description = "Words and \"phrases\" (all required), e.g. 不归我们管", Arity = ArgumentArity.ZeroOrOne };
        var speaker = new Option<string?>("--speaker") { Description = "Only what this speaker said: agent or customer" };
        speaker.AcceptOnlyFromAmong("agent", "customer");
        var first = new Option<double?>("--first") { Description = "Only segments starting in the first N seconds" };
        var last = new Option<double?>("--last") { Description = "Only segments starting in the last N seconds" };
        var agent = new Option<string[]>("--agent") { Description = "Agent id (repeatable)" };
        var team = new Option<string[]>("--team") { Description = "Team (repeatable)" };
        var region = new Option<string[]>("--region") { Description = "Region (repeatable)" };
        var category = new Option<string[]>("--category") { Description = "Category id C01–C12, C99 (repeatable)" };
        var rule = new Option<string[]>("--rule") { Description = "Calls with a hit on this rule id (repeatable)" };
        var severity = new Option<string?>("--severity") { Description = "Calls with a fatal or non-fatal hit" };
        severity.AcceptOnlyFromAmong("fatal", "non-fatal");
        var scoreMin = new Option<int?>("--score-min") { Description = "Lowest score" };
        var scoreMax = new Option<int?>("--score-max") { Description = "Highest score" };
        var from = new Option<string?>("--from") { Description = "Calls starting on or after (yyyy-MM-dd or ISO 8601; dates in China time)" };
        var to = new Option<string?>("--to") { Description = "Calls starting before (yyyy-MM-dd or ISO 8601)" };
        var sort = new Option<string>("--sort") { Description = "newest, oldest, score or score-desc", DefaultValueFactory = _ => "newest" };
        sort.AcceptOnlyFromAmong("newest", "oldest", "score", "score-desc");
        var limit = new Option<int>("--limit") { Description = "Calls per page (1–500)", DefaultValueFactory = _ => 20 };
        var after = new Option<string?>("--after") { Description = "Cursor printed at the end of the previous page" };
        var all = new Option<bool>("--all") { Description = "Every matching call, not one page (Elasticsearch reads them through a point in time)" };
        var command = new Command("search", "Search scored calls: full text, speaker, time anchors and filters")
        {
            text, speaker, first, last, agent, team, region, category, rule, severity, scoreMin, scoreMax, from, to, sort, limit, after, all,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var query = new SearchQuery
            {
                Text = result.GetValue(text), Speaker = result.GetValue(speaker), FirstSeconds = result.GetValue(first), LastSeconds = result.GetValue(last),
                Agents = result.GetValue(agent) ?? [], Teams = result.GetValue(team) ?? [], Regions = result.GetValue(region) ?? [],
                Categories = result.GetValue(category) ?? [], Rules = result.GetValue(rule) ?? [], Severity = result.GetValue(severity),
                ScoreMin = result.GetValue(scoreMin), ScoreMax = result.GetValue(scoreMax),
                From = Date(result.GetValue(from), "--from"), To = Date(result.GetValue(to), "--to"),
                Sort = result.GetValue(sort) switch { "oldest" => SearchSort.Oldest, "score" => SearchSort.ScoreAscending, "score-desc" => SearchSort.ScoreDescending, _ => SearchSort.Newest },
                PageSize = result.GetValue(limit), After = result.GetValue(after),
            };
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var index = app.Get<SearchIndexing>().Index;
            if (result.GetValue(all))
            {
                var clauses = QueryText.Clauses(query.Text, app.Get<SearchIndexing>().Tokens);
                var count = 0;
                await foreach (var call in index.ScanAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    Print(new SearchHit(call, QueryText.Snippets(call, query, clauses)));
                    count++;
                }
                Console.WriteLine($"共 {count} 通 calls match ({index.Description})");
                return ExitCodes.Ok;
            }
            var page = await index.SearchAsync(query, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"共 {page.Total} 通 calls match ({index.Description})");
            foreach (var hit in page.Hits)
                Print(hit);
            if (page.NextCursor is { } next)
                Console.WriteLine($"下一页 next page: --after {next}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(SearchHit hit)
    {
        var c = hit.Call;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.CallId}  {c.StartedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}  {c.AgentId} {c.Team}  {c.Category ?? "-"}  得分 score {c.Score?.ToString(CultureInfo.InvariantCulture) ?? "-"}{(c.Fatal ? " 致命 fatal" : "")}  {string.Join(' ', c.Hits.Select(h => h.Rule))}"));
        foreach (var s in hit.Snippets)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    [{s.Start,6:0.0}s {(s.Speaker == "agent" ? "坐席" : s.Speaker == "customer" ? "客户" : s.Speaker)}] {s.Highlighted}"));
    }

    public static Command CreateIndex(GlobalOptions global)
    {
        var command = new Command("index", "The search index");
        var clear = new Option<bool>("--clear") { Description = "Empty the index first (drops calls no longer in the store)" };
        var rebuild = new Command("rebuild", "Write every scored call to the configured search index again") { clear };
        rebuild.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var search = app.Get<SearchIndexing>();
            var calls = app.Get<CallStore>();
            await search.ReadyIndexAsync(cancellationToken).ConfigureAwait(false);
            if (result.GetValue(clear))
                await search.Index.ClearAsync(cancellationToken).ConfigureAwait(false);
            var builder = new CallDocumentBuilder(calls, app.Get<SpeechQa.Pipeline.Repeats.RepeatStore>());
            var batch = new List<CallDocument>();
            var refused = new List<SpeechQa.Search.Elasticsearch.RefusedDocument>();
            var count = 0;
            var scored = (await calls.CountByStatusAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(CallStatus.Scored);
            var progress = new ProgressLine(scored, interactive: !Console.IsOutputRedirected, unit: "已索引 indexed");
            string? afterId = null;
            while (true)
            {
                var page = await calls.ListAsync(afterId, 500, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0)
                    break;
                foreach (var stored in page.Where(s => s.Status == CallStatus.Scored))
                {
                    if (await builder.BuildAsync(stored.Call.CallId, search.Tokens, cancellationToken).ConfigureAwait(false) is { } doc)
                        batch.Add(doc);
                }
                try
                {
                    await search.Index.IndexAsync(batch, cancellationToken).ConfigureAwait(false);
                    count += batch.Count;
                }
                catch (SpeechQa.Search.Elasticsearch.ElasticsearchBulkException e)
                {
                    // The cluster took the rest of the batch: carry on, and name every refused call at the end.
                    refused.AddRange(e.Refused);
                    count += batch.Count - e.Refused.Count;
                }
                batch.Clear();
                afterId = page[^1].Call.CallId;
                progress.Show(count, 0);
            }
            progress.Show(count, 0, force: true);
            progress.Finish();
            Console.WriteLine($"已索引 indexed {count} scored calls into {search.Index.Description}");
            if (refused.Count == 0)
                return ExitCodes.Ok;
            await Console.Error.WriteLineAsync($"索引拒收 {refused.Count} 通 refused by the index:").ConfigureAwait(false);
            foreach (var r in refused)
                await Console.Error.WriteLineAsync($"  {r.CallId}: {r.Status} {r.Reason}").ConfigureAwait(false);
            return ExitCodes.SomeCallsFailed;
        }));
        command.Subcommands.Add(rebuild);
        return command;
    }

    internal static DateTimeOffset? Date(string? text, string option)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        throw new FormatException($"{option} '{text}' is not a date (yyyy-MM-dd or ISO 8601)");
    }
}
