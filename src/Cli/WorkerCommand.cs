using System.CommandLine;
using SpeechQa.Pipeline;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>`speechqa worker`: a long-running Hangfire worker process (several may share one PostgreSQL store).</summary>
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
        var cron = new Option<string>("--scan-cron") { Description = "When to scan the --watch folder (5-field cron, the hotline's time zone: $SPEECHQA_TIMEZONE or local)", DefaultValueFactory = _ => DefaultScanCron };
        var command = new Command("worker", "Run jobs until stopped (Ctrl+C / SIGTERM finishes running jobs, then exits)") { workers, watch, cron };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            try
            {
                ScanSchedule.Validate(result.GetValue(cron)!); // fail fast on a bad expression, before touching the store
            }
            catch (FormatException e)
            {
                throw new FormatException($"--scan-cron 不是有效的 cron 表达式 is not a valid cron expression: {e.Message}", e);
            }
            var workerCount = result.GetValue(workers);
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken, longRunning: true).ConfigureAwait(false);
            app.Get<PipelinePreflight>().EnsureReady();
            var scan = result.GetValue(watch) is { } watched ? Path.GetFullPath(watched) : null;
            if (scan is not null)
                Console.WriteLine($"定时扫描 scanning {scan} on '{result.GetValue(cron)}'");
            Console.WriteLine($"工作进程已启动 worker started (Hangfire): {workerCount} workers on {app.StoreDescription}");
            await app.Get<HangfireWorkerHost>().RunAsync(workerCount, scan, result.GetValue(cron)!, cancellationToken).ConfigureAwait(false);
            Console.WriteLine("工作进程已停止 worker stopped");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
