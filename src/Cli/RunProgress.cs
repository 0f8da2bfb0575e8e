using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Store;

namespace SpeechQa.Cli;

/// <summary>Shows how a `speechqa run` is going, from the store's counts, until the work is done.</summary>
public sealed class RunProgress(CallStore calls, long total, bool interactive)
{
    private readonly ProgressLine _line = new(total, interactive);

    public TimeSpan Elapsed => _line.Elapsed;

    public async Task ReportUntilAsync(Task work, CancellationToken cancellationToken)
    {
        var interval = _line.Interactive ? TimeSpan.FromMilliseconds(500) : ProgressLine.PlainInterval;
        while (await Task.WhenAny(work, Task.Delay(interval, cancellationToken)).ConfigureAwait(false) != work)
        {
            var counts = await calls.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
            var pending = counts.Where(c => c.Key is not (CallStatus.Scored or CallStatus.Failed)).Sum(c => c.Value);
            _line.Show(Math.Max(0, total - pending), counts.GetValueOrDefault(CallStatus.Failed));
        }
        _line.Finish();
    }
}
