using System.Diagnostics;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;

namespace SpeechQa.Cli;

/// <summary>
/// Shows how a `speechqa run` is going: a redrawn bar with calls/s and ETA on a terminal, a plain line
/// every few seconds when output goes to a file or a CI log.
/// </summary>
public sealed class RunProgress(CallStore calls, long total, bool interactive)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task ReportUntilAsync(Task work, CancellationToken cancellationToken)
    {
        var interval = interactive ? TimeSpan.FromMilliseconds(500) : PlainInterval;
        while (await Task.WhenAny(work, Task.Delay(interval, cancellationToken)).ConfigureAwait(false) != work)
            await DrawAsync(cancellationToken).ConfigureAwait(false);
        if (interactive)
            Console.WriteLine();
    }

    private async Task DrawAsync(CancellationToken cancellationToken)
    {
        var counts = await calls.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
        var pending = counts.Where(c => c.Key is not (CallStatus.Scored or CallStatus.Failed)).Sum(c => c.Value);
        var done = Math.Max(0, total - pending);
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var eta = rate > 0 ? TimeSpan.FromSeconds(pending / rate) : (TimeSpan?)null;
        var etaText = eta is { } e ? e.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--:--";
        var failed = counts.GetValueOrDefault(CallStatus.Failed);
        if (interactive)
        {
            const int width = 30;
            var filled = total == 0 ? width : (int)(width * done / total);
            Console.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} 通话 calls  {rate:0.0} 通话/秒 calls/s  剩余 ETA {etaText}  失败 failed {failed}   ");
        }
        else
        {
            Console.WriteLine($"进度 progress: {done}/{total} calls, {rate:0.0} calls/s, ETA {etaText}, failed {failed}");
        }
    }
}
