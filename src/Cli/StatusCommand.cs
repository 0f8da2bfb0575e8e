using System.CommandLine;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.Cli;

/// <summary>`speechqa status`: calls by status, jobs by state, recurring jobs and the latest failures.</summary>
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
            var jobs = await app.Get<JobStore>().CountAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"任务 jobs: {jobs.ByState.Values.Sum()}");
            foreach (var state in Enum.GetValues<JobState>())
                Console.WriteLine($"  {state.ToWire(),-12} {jobs[state]}");
            var recurring = await app.Get<RecurringJobScheduler>().ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var job in recurring)
                Console.WriteLine($"定时任务 recurring {job.Id} '{job.Cron}' next {job.NextRunAt.ToLocalTime():yyyy-MM-dd HH:mm}");
            PrintHangfire(app);
            foreach (var (callId, error) in await app.Get<CallStore>().ListFailedAsync(10, cancellationToken).ConfigureAwait(false))
                Console.WriteLine($"失败 failed {callId}: {error}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Hangfire's side: on PostgreSQL its queue is shared and read here; in memory it lives in the worker process.</summary>
    private static void PrintHangfire(CliApp app)
    {
        if (app.Get<StoreDataSource>().Engine != StoreEngine.PostgreSql)
        {
            Console.WriteLine("Hangfire: 内存队列在工作进程中，见门户 /hangfire / in-memory queue inside the worker process: see /hangfire in the portal");
            return;
        }
        var monitoring = app.Get<HangfireJobEngine>().Storage.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        Console.WriteLine($"Hangfire: enqueued {statistics.Enqueued}, processing {statistics.Processing}, scheduled {statistics.Scheduled}, " +
            $"failed {statistics.Failed}, succeeded {statistics.Succeeded}, servers {statistics.Servers}, recurring {statistics.Recurring}");
        foreach (var queue in monitoring.Queues())
            Console.WriteLine($"  queue {queue.Name,-12} {queue.Length}");
    }
}
