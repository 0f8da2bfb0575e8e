using System.CommandLine;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;
using SpeechQa.Pipeline;

namespace SpeechQa.Cli;

/// <summary>`speechqa run`: work until the queue is drained, showing progress, then print a summary.</summary>
public static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var workers = WorkerCommand.WorkersOption();
        var command = new Command("run", "Process queued calls until none is left, then print a summary") { workers };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var workerCount = result.GetValue(workers);
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            app.Get<PipelinePreflight>().EnsureReady();
            var calls = app.Get<CallStore>();
            var before = await calls.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
            var total = before.Where(c => c.Key is not (CallStatus.Scored or CallStatus.Failed)).Sum(c => c.Value);
            Console.WriteLine($"数据库 store: {app.StoreDescription}; 待处理 calls to process: {total}; 并发 workers: {workerCount}");

            var progress = new RunProgress(calls, total, interactive: !Console.IsOutputRedirected);
            var work = HangfireRun.RunUntilDrainedAsync(app, workerCount, cancellationToken);
            await progress.ReportUntilAsync(work, CancellationToken.None).ConfigureAwait(false);
            await work.ConfigureAwait(false);
            return await PrintSummaryAsync(calls, total, progress.Elapsed, cancellationToken.IsCancellationRequested).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> PrintSummaryAsync(CallStore calls, long total, TimeSpan elapsed, bool interrupted)
    {
        var after = await calls.CountByStatusAsync(CancellationToken.None).ConfigureAwait(false);
        var pending = after.Where(c => c.Key is not (CallStatus.Scored or CallStatus.Failed)).Sum(c => c.Value);
        var processed = total - pending;
        Console.WriteLine(interrupted ? "已中断 interrupted: unfinished calls stay queued for the next run" : "完成 done");
        Console.WriteLine($"  处理 processed: {processed} calls in {elapsed.TotalSeconds:0.0} s ({processed / Math.Max(elapsed.TotalSeconds, 0.001):0.0} calls/s)");
        foreach (var status in Enum.GetValues<CallStatus>())
            Console.WriteLine($"  {status.ToWire(),-12} {after.GetValueOrDefault(status)}");
        var failed = await calls.ListFailedAsync(20, CancellationToken.None).ConfigureAwait(false);
        foreach (var (callId, error) in failed)
            Console.WriteLine($"  失败 failed {callId}: {error}");
        if (failed.Count > 0)
            Console.WriteLine("  重试 retry: speechqa jobs retry --all-failed");
        return failed.Count > 0 ? ExitCodes.SomeCallsFailed : ExitCodes.Ok;
    }
}
