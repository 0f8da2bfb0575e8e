using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

public sealed class SpeechWindowTests
{
    private static SpeechRegion R(double start, double end) => new(start, end, -20);

    [Fact]
    public void Regions_are_grouped_into_padded_windows_of_at_most_the_maximum()
    {
        var windows = SpeechWindow.Plan([R(1, 4), R(5, 10), R(20, 27), R(31, 33)], trackSeconds: 40, maxSeconds: 28, padSeconds: 0.3);

        Assert.Equal([new SpeechWindow(0.7, 27.3), new SpeechWindow(30.7, 33.3)], windows);
        Assert.All(windows, w => Assert.True(w.Duration <= 28));
    }

    [Fact]
    public void A_long_region_is_cut_into_full_windows_and_padding_stays_inside_the_track()
    {
        var windows = SpeechWindow.Plan([R(0.1, 65), R(65.5, 66)], trackSeconds: 66.1, maxSeconds: 28, padSeconds: 0.3);

        Assert.Equal([new SpeechWindow(0, 28), new SpeechWindow(28, 56), new SpeechWindow(56, 66.1)], windows);
    }

    [Fact]
    public void No_speech_means_nothing_is_sent()
    {
        Assert.Empty(SpeechWindow.Plan([], 30, 28, 0.3));
    }

    [Theory]
    [InlineData(-1007.28, 10)]   // whisper.cpp's garbage start on a random model (−16:47)
    [InlineData(3.5, 13.5)]
    [InlineData(30, 18)]         // past the window's end
    [InlineData(double.NaN, 10)]
    public void Times_whisper_reports_are_clamped_into_the_window(double relative, double absolute)
    {
        Assert.Equal(absolute, new SpeechWindow(10, 18).Absolute(relative), 6);
    }
}
