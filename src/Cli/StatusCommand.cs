using System.CommandLine;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>`speechqa status`: calls by status, Hangfire's jobs by state and recurring jobs, and the latest failures.</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("status", "Show calls by status, jobs by state and recent failures");
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"数据库 store: {app.StoreDescription}");
            var calls = await app.Get<CallStore>().CountByStatusAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"通话 calls: {calls.Values.Sum()}");
            foreach (var status in Enum.GetValues<CallStatus>())
                Console.WriteLine($"  {status.ToWire(),-12} {calls.GetValueOrDefault(status)}");
            await PrintHangfireAsync(app, cancellationToken).ConfigureAwait(false);
            foreach (var (callId, error) in await app.Get<CallStore>().ListFailedAsync(10, cancellationToken).ConfigureAwait(false))
                Console.WriteLine($"失败 failed {callId}: {error}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Hangfire's side: on PostgreSQL its queue is shared and read here; in memory it lives in the worker process.</summary>
    private static async Task PrintHangfireAsync(CliApp app, CancellationToken cancellationToken)
    {
        if (!await JobsCommand.QueueIsSharedAsync(app, cancellationToken).ConfigureAwait(false))
            return;
        var monitor = app.Get<PipelineJobMonitor>();
        var counts = monitor.Counts();
        Console.WriteLine($"Hangfire: enqueued {counts.Enqueued}, processing {counts.Processing}, scheduled {counts.Scheduled}, " +
            $"failed {counts.Failed}, succeeded {counts.Succeeded}, servers {counts.Servers}");
        foreach (var queue in app.Get<HangfireJobEngine>().Storage.GetMonitoringApi().Queues())
            Console.WriteLine($"  queue {queue.Name,-12} {queue.Length}");
        foreach (var recurring in monitor.Recurring())
            Console.WriteLine($"定时任务 recurring {recurring.Id} '{recurring.Cron}' next {recurring.NextRun?.ToLocalTime():yyyy-MM-dd HH:mm}");
    }
}
