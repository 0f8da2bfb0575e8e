using SpeechQa.Transcriber.Acoustics;

namespace SpeechQa.Transcriber.Asr;

/// <summary>A stretch of one channel sent to Whisper at once, in seconds from the call start.</summary>
public sealed record SpeechWindow(double Start, double End)
{
    public double Duration => End - Start;

    /// <summary>Clamps a time Whisper reports relative to this window (it may run past the window, or be garbage) into the window.</summary>
    public double Absolute(double relativeSeconds) =>
        double.IsFinite(relativeSeconds) ? Math.Clamp(Start + relativeSeconds, Start, End) : Start;

    /// <summary>
    /// Groups a channel's speech regions into windows Whisper decodes one at a time: each window holds whole
    /// regions (padded a little so word edges are not cut), at most <paramref name="maxSeconds"/> long (Whisper
    /// sees 30 s), with a region longer than that cut into pieces. Silence between regions stays inside a
    /// window; silence before the first and after the last region of a window is never sent, so Whisper does
    /// not hallucinate on it and long quiet stretches cost nothing.
    /// </summary>
    public static IReadOnlyList<SpeechWindow> Plan(IReadOnlyList<SpeechRegion> regions, double trackSeconds, double maxSeconds, double padSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeconds, 1.0);
        var windows = new List<SpeechWindow>();
        double? start = null;
        double end = 0;
        foreach (var region in regions.OrderBy(r => r.Start))
        {
            var from = Math.Max(0, region.Start - padSeconds);
            var to = Math.Min(trackSeconds, region.End + padSeconds);
            if (to <= from)
                continue;
            if (start is { } open && to - open <= maxSeconds)
            {
                end = Math.Max(end, to);
                continue;
            }
            if (start is { } done)
                windows.Add(new SpeechWindow(done, end));
            // A region longer than a window is cut into full windows; its last piece opens the next window.
            while (to - from > maxSeconds)
            {
                windows.Add(new SpeechWindow(from, from + maxSeconds));
                from += maxSeconds;
            }
            (start, end) = (from, to);
        }
        if (start is { } last)
            windows.Add(new SpeechWindow(last, end));
        return windows;
    }
}
