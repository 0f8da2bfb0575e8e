using System.CommandLine;
using SpeechQa.Batch.Jobs;

namespace SpeechQa.Cli;

/// <summary>`speechqa jobs list|retry|delete`: inspect and repair the job queue.</summary>
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

    private static Command List(GlobalOptions global)
    {
        var state = new Option<string?>("--state") { Description = "enqueued, scheduled, processing, succeeded, failed or deleted" };
        var call = new Option<string?>("--call") { Description = "Only jobs of this call_id" };
        var limit = new Option<int>("--limit") { Description = "At most this many (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List jobs, newest first; failed jobs show their error") { state, call, limit };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            JobState? filter = null;
            if (result.GetValue(state) is { } text)
                filter = JobStateNames.TryParse(text, out var parsed) ? parsed : throw new FormatException($"--state '{text}' is not a job state");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var rows = await app.Get<JobStore>().ListAsync(filter, result.GetValue(call), result.GetValue(limit), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{"id",8}  {"type",-22} {"call",-20} {"state",-10} {"attempt",7}  updated");
            foreach (var job in rows)
            {
                Console.WriteLine($"{job.Id,8}  {job.JobType,-22} {job.CallId ?? "-",-20} {job.State.ToWire(),-10} {job.Attempt,3}/{job.MaxAttempts,-3}  {job.UpdatedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
                if (job.State is JobState.Failed or JobState.Scheduled && job.LastError is { } error)
                    Console.WriteLine($"          {error.Split('\n')[0].TrimEnd('\r')}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry(GlobalOptions global)
    {
        var ids = new Argument<long[]>("id") { Description = "Job ids", Arity = ArgumentArity.ZeroOrMore };
        var allFailed = new Option<bool>("--all-failed") { Description = "Retry every failed job" };
        var command = new Command("retry", "Requeue failed, deleted or scheduled jobs to run now with fresh attempts") { ids, allFailed };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var targets = result.GetValue(ids) ?? [];
            if (targets.Length == 0 && !result.GetValue(allFailed))
                throw new FormatException("give job ids or --all-failed");
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var store = app.Get<JobStore>();
            if (result.GetValue(allFailed))
                targets = [.. targets, .. (await store.ListAsync(JobState.Failed, null, int.MaxValue, cancellationToken).ConfigureAwait(false)).Select(j => j.Id)];
            return await ApplyAsync(targets, id => store.RetryAsync(id, cancellationToken), "重新排队 requeued").ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Delete(GlobalOptions global)
    {
        var ids = new Argument<long[]>("id") { Description = "Job ids", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete jobs that have not succeeded (a running one is cancelled)") { ids };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var store = app.Get<JobStore>();
            return await ApplyAsync(result.GetValue(ids)!, id => store.DeleteAsync(id, cancellationToken), "已删除 deleted").ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> ApplyAsync(IEnumerable<long> ids, Func<long, Task<bool>> action, string verb)
    {
        var exit = ExitCodes.Ok;
        foreach (var id in ids.Distinct())
        {
            if (await action(id).ConfigureAwait(false))
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
