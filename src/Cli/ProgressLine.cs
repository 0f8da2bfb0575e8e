using System.Diagnostics;
using System.Globalization;

namespace SpeechQa.Cli;

/// <summary>
/// One progress line for long commands (`run`, `index rebuild`): on a terminal a bar redrawn in place with the rate and
/// ETA, otherwise (a file, a CI log) a plain line at most every few seconds.
/// </summary>
public sealed class ProgressLine(long total, bool interactive, string unit = "通话 calls")
{
    /// <summary>At most one plain line this often.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastPlain;

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool Interactive => interactive;

    /// <param name="force">Print a plain line even if one was printed moments ago (the last one).</param>
    public void Show(long done, long failed, bool force = false)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var left = Math.Max(0, total - done);
        var eta = rate > 0 ? TimeSpan.FromSeconds(left / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
        if (interactive)
        {
            const int width = 30;
            var filled = total == 0 ? width : (int)Math.Min(width, width * done / total);
            Console.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} {unit}  {rate:0.0}/s  剩余 ETA {eta}  失败 failed {failed}   ");
            return;
        }
        if (!force && _lastPlain is { } last && _clock.Elapsed - last < PlainInterval)
            return;
        _lastPlain = _clock.Elapsed;
        Console.WriteLine($"进度 progress: {done}/{total} {unit}, {rate:0.0}/s, ETA {eta}, failed {failed}");
    }

    /// <summary>Ends the redrawn line on a terminal.</summary>
    public void Finish()
    {
        if (interactive)
            Console.WriteLine();
    }
}
