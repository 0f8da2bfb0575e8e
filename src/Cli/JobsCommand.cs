using System.CommandLine;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa jobs list|retry|delete`: Hangfire's jobs read through its monitoring API where its storage is shared
/// (PostgreSQL); with the embedded store the queue lives inside the worker process (portal: /admin/jobs, /hangfire), so
/// these commands work on the calls in the store instead — the store is the source of truth either way.
/// </summary>
public static class JobsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var jobs = new Command("jobs", "List, retry or delete jobs");
        jobs.Subcommands.Add(List(global));
        jobs.Subcommands.Add(Retry(global));
        jobs.Subcommands.Add(Delete(global));
        return jobs;
    }

    /// <summary>
    /// True where another process's Hangfire jobs can be read (PostgreSQL storage that a worker has set up); otherwise
    /// says where they are. Checked before Hangfire's storage is opened, because opening it creates its schema, and a
    /// command that only looks should change nothing.
    /// </summary>
    internal static async Task<bool> QueueIsSharedAsync(CliApp app, CancellationToken cancellationToken)
    {
        var store = app.Get<StoreDataSource>();
        if (store.Engine != StoreEngine.PostgreSql)
        {
            Console.WriteLine("Hangfire: 内嵌存储的任务队列在工作进程的内存中，见门户 /admin/jobs 或 /hangfire / with the embedded store the job queue is in the worker process's memory: see /admin/jobs or /hangfire in the portal");
            return false;
        }
        if (await store.ScalarAsync<string>($"SELECT to_regclass('{HangfireJobEngine.PostgresSchema}.job')::text", null, cancellationToken).ConfigureAwait(false) is null)
        {
            Console.WriteLine("Hangfire: 尚无任务（还没有工作进程运行过） / no jobs yet: no worker has run on this database");
            return false;
        }
        return true;
    }

    private static Command List(GlobalOptions global)
    {
        var state = new Option<string>("--state") { Description = "enqueued, scheduled, processing, succeeded, failed or deleted", DefaultValueFactory = _ => "failed" };
        var limit = new Option<int>("--limit") { Description = "At most this many", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List Hangfire's jobs in one state (failed by default) with their call and error") { state, limit };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var text = result.GetValue(state)!;
            if (!Enum.TryParse<JobListState>(text, ignoreCase: true, out var filter) || !Enum.IsDefined(filter))
                throw new FormatException($"--state '{text}' is not a job state: enqueued, scheduled, processing, succeeded, failed or deleted");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            if (!await QueueIsSharedAsync(app, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (callId, error) in await app.Get<CallStore>().ListFailedAsync(result.GetValue(limit), cancellationToken).ConfigureAwait(false))
                    Console.WriteLine($"失败 failed call {callId}: {error}");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{"id",8}  {"type",-22} {"call",-20} {"state",-10} {"attempt",7}  at");
            foreach (var job in app.Get<PipelineJobMonitor>().List(filter, result.GetValue(limit)))
            {
                Console.WriteLine($"{job.Id,8}  {job.JobType,-22} {job.CallId ?? "-",-20} {job.State.ToString().ToLowerInvariant(),-10} {job.Attempt,7}  {job.At?.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
                if (job.Detail is { } detail)
                    Console.WriteLine($"          {detail}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry(GlobalOptions global)
    {
        var ids = new Argument<string[]>("id") { Description = "Hangfire job ids (PostgreSQL)", Arity = ArgumentArity.ZeroOrMore };
        var allFailed = new Option<bool>("--all-failed") { Description = "Put every failed call back in the queue (any store)" };
        var command = new Command("retry", "Run failed jobs again, or put every failed call back in the queue") { ids, allFailed };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var targets = result.GetValue(ids) ?? [];
            if (targets.Length == 0 && !result.GetValue(allFailed))
                throw new FormatException("give job ids or --all-failed");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var exit = ExitCodes.Ok;
            if (targets.Length > 0)
                exit = await QueueIsSharedAsync(app, cancellationToken).ConfigureAwait(false) ? Apply(targets, app.Get<PipelineJobMonitor>().Retry, "重新排队 requeued") : ExitCodes.SomeCallsFailed;
            if (result.GetValue(allFailed))
            {
                // The store decides: failed calls go back to queued, and a worker's reconcile pass (or the next `run`) enqueues them.
                var requeued = await app.Get<CallStore>().RequeueFailedAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"重新排队 requeued {requeued} failed calls (a running worker takes them within a minute; or run `speechqa run`)");
            }
            return exit;
        }));
        return command;
    }

    private static Command Delete(GlobalOptions global)
    {
        var ids = new Argument<string[]>("id") { Description = "Hangfire job ids", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete jobs that have not finished (a running one is told to stop)") { ids };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            return await QueueIsSharedAsync(app, cancellationToken).ConfigureAwait(false) ? Apply(result.GetValue(ids)!, app.Get<PipelineJobMonitor>().Delete, "已删除 deleted") : ExitCodes.SomeCallsFailed;
        }));
        return command;
    }

    private static int Apply(IEnumerable<string> ids, Func<string, bool> action, string verb)
    {
        var exit = ExitCodes.Ok;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (action(id))
                Console.WriteLine($"{verb} job {id}");
            else
            {
                Console.WriteLine($"job {id}: 不存在或状态不允许 not found or not in a state that allows this");
                exit = ExitCodes.SomeCallsFailed;
            }
        }
        return exit;
    }
}
