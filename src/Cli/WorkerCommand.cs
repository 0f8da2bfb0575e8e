using System.CommandLine;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Pipeline;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>`speechqa worker`: a long-running worker process (several may share one PostgreSQL store).</summary>
public static class WorkerCommand
{
    public const string DefaultScanCron = "*/5 * * * *";

    public static Option<int> WorkersOption() => new("--workers", "-w")
    {
        Description = "Jobs run at once by this process",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Command Create(GlobalOptions global)
    {
        var workers = WorkersOption();
        var watch = new Option<string?>("--watch") { Description = "A recorder export folder to scan for new manifests on a schedule" };
        var cron = new Option<string>("--scan-cron") { Description = "When to scan the --watch folder (5-field cron, local time)", DefaultValueFactory = _ => DefaultScanCron };
        var engineOption = JobEngineChoice.Option();
        var command = new Command("worker", "Run jobs until stopped (Ctrl+C / SIGTERM finishes running jobs, then exits)") { workers, watch, cron, engineOption };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            CronSchedule.Parse(result.GetValue(cron)!); // fail fast on a bad expression, before touching the store
            var options = new JobServerOptions { WorkerCount = result.GetValue(workers) };
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken, options, longRunning: true).ConfigureAwait(false);
            app.Get<PipelinePreflight>().EnsureReady();
            if (JobEngineChoice.IsHangfire(result.GetValue(engineOption)!))
            {
                var scan = result.GetValue(watch) is { } watched ? Path.GetFullPath(watched) : null;
                Console.WriteLine($"工作进程已启动 worker started (Hangfire): {options.WorkerCount} workers on {app.StoreDescription}");
                await app.Get<HangfireWorkerHost>().RunAsync(options.WorkerCount, scan, result.GetValue(cron)!, cancellationToken).ConfigureAwait(false);
                Console.WriteLine("工作进程已停止 worker stopped");
                return ExitCodes.Ok;
            }
            if (result.GetValue(watch) is { } folder)
            {
                var full = Path.GetFullPath(folder);
                await app.Get<RecurringJobScheduler>().AddOrUpdateAsync($"scan:{full}", result.GetValue(cron)!, ScanRecorderFolderJob.Type, full, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"定时扫描 scanning {full} on '{result.GetValue(cron)}'");
            }
            Console.WriteLine($"工作进程已启动 worker started: {options.WorkerCount} workers on {app.StoreDescription}");
            await app.Get<JobServer>().RunAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine("工作进程已停止 worker stopped");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
