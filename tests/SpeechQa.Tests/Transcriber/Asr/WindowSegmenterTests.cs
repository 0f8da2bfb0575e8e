using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

public sealed class WindowSegmenterTests
{
    private static readonly WhisperTokenizer Tokenizer = WhisperTokenizer.Load(
        TestPaths.WhisperTokenizer);
    private static readonly WindowSegmenter Segmenter = new(Tokenizer);

    private static int T(double seconds) => Tokenizer.TimestampTokenId(seconds);

    private static IEnumerable<int> Words(string text) => Tokenizer.Encode(text);

    [Fact]
    public void Split_CutsAtTimestampPairs_AndResumesAtTheLastClosedSegment_WhenTheWindowEndsInSpeech()
    {
        List<int> tokens = [T(0.0), .. Words("您好，供水服务热线"), T(2.4), T(3.0), .. Words("请问有什么可以帮您"), T(5.2), T(28.6), .. Words("我家")];

        var (segments, advance) = Segmenter.Split(tokens, offset: 60, windowSeconds: 30);

        Assert.Equal(2, segments.Count);
        Assert.Equal((60.0, 62.4), (segments[0].Start, segments[0].End));
        Assert.Equal("您好，供水服务热线", Tokenizer.Decode(segments[0].TextTokens));
        Assert.Equal((63.0, 65.2), (segments[1].Start, segments[1].End));
        Assert.Equal(5.2, advance, 3); // "我家…" was cut by the window edge: the next window starts where the last complete segment ended (65.2 s)
    }

    [Fact]
    public void Split_MovesAWholeWindow_WhenItEndsOnASingleTimestamp()
    {
        List<int> tokens = [T(0.0), .. Words("停水了"), T(1.5), T(2.0), .. Words("什么时候来水"), T(4.0)];

        var (segments, advance) = Segmenter.Split(tokens, offset: 0, windowSeconds: 30);

        Assert.Equal(2, segments.Count);
        Assert.Equal((2.0, 4.0), (segments[1].Start, segments[1].End));
        Assert.Equal(30, advance);
    }

    [Fact]
    public void Split_WithoutTimestampPairs_GivesOneSegmentForTheWindow()
    {
        var (segments, advance) = Segmenter.Split([.. Words("喂喂")], offset: 30, windowSeconds: 12.5);

        var only = Assert.Single(segments);
        Assert.Equal((30.0, 42.5), (only.Start, only.End));
        Assert.Equal(12.5, advance);
        Assert.Empty(Segmenter.Split([], 0, 30).Segments);
    }
}
