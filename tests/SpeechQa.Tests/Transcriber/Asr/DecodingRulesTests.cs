using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

public sealed class DecodingRulesTests
{
    private static readonly WhisperTokenizer Tokenizer = WhisperTokenizer.Load(
        TestPaths.WhisperTokenizer);
    private static readonly int Ts = Tokenizer.TimestampBegin;
    private static readonly int Eot = Tokenizer.EndOfTextId;
    private static readonly int Text = Tokenizer.Encode("您好")[0];

    private static float[] Flat() => new float[51865];

    private static DecodingRules Rules(bool timestamps = true, params int[] suppress) => new(Tokenizer, suppress, timestamps);

    [Fact]
    public void FirstToken_IsATimestampNoLaterThanOneSecond_AndNeverBlank()
    {
        var logits = Flat();
        Rules().Apply(logits, []);

        Assert.True(float.IsNegativeInfinity(logits[Text]));
        Assert.True(float.IsNegativeInfinity(logits[Eot]));
        Assert.True(float.IsNegativeInfinity(logits[Tokenizer.Encode(" ")[0]]));
        Assert.False(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(0.0)]));
        Assert.False(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(1.0)]));
        Assert.True(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(1.02)]));
    }

    [Fact]
    public void AfterTheOpeningTimestamp_TextMustFollow()
    {
        var logits = Flat();
        Rules().Apply(logits, [Tokenizer.TimestampTokenId(0.5)]);

        Assert.True(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(0.5)]));
        Assert.True(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(3.0)]));
        Assert.False(float.IsNegativeInfinity(logits[Text]));
    }

    [Fact]
    public void AfterText_AClosingTimestampMayNotPrecedeTheOpeningOne()
    {
        var logits = Flat();
        logits[Text] = 30;
        Rules().Apply(logits, [Tokenizer.TimestampTokenId(2.0), Text]);

        Assert.True(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(2.0)]));
        Assert.False(float.IsNegativeInfinity(logits[Tokenizer.TimestampTokenId(2.02)]));
        Assert.False(float.IsNegativeInfinity(logits[Eot]));
    }

    [Fact]
    public void AClosingTimestamp_MustBeFollowedByTextOrEnd_NotByText()
    {
        var open = Flat();
        open[Eot] = 10; // ending is likely, so the timestamps' joint mass does not force a timestamp here
        Rules().Apply(open, [Tokenizer.TimestampTokenId(0.0), Text, Tokenizer.TimestampTokenId(1.0)]);
        // After a closing timestamp the next segment opens with a timestamp or the window ends.
        Assert.True(float.IsNegativeInfinity(open[Text]));
        Assert.False(float.IsNegativeInfinity(open[Eot]));
        Assert.True(float.IsNegativeInfinity(open[Tokenizer.TimestampTokenId(0.98)]));
        Assert.False(float.IsNegativeInfinity(open[Tokenizer.TimestampTokenId(1.0)]));

        var paired = Flat();
        Rules().Apply(paired, [Tokenizer.TimestampTokenId(0.0), Text, Tokenizer.TimestampTokenId(1.0), Tokenizer.TimestampTokenId(1.0)]);
        Assert.True(float.IsNegativeInfinity(paired[Tokenizer.TimestampTokenId(1.5)])); // a pair is complete: text next
        Assert.False(float.IsNegativeInfinity(paired[Text]));
    }

    [Fact]
    public void TimestampsTogetherOutweighingTheBestTextToken_ForceATimestamp()
    {
        var logits = Flat();
        logits[Text] = 3;                       // best single token is text…
        for (var t = Ts; t < Ts + 200; t++)     // …but 200 timestamps at 0 hold far more probability mass together
            logits[t] = 0;
        Rules().Apply(logits, [Tokenizer.TimestampTokenId(0.0), Text]);

        Assert.True(float.IsNegativeInfinity(logits[Text]));
    }

    [Fact]
    public void WithoutTimestamps_TimestampsAndListedTokensAreSuppressed()
    {
        var logits = Flat();
        Rules(false, 11, 13).Apply(logits, [Text]);

        Assert.True(float.IsNegativeInfinity(logits[Ts]));
        Assert.True(float.IsNegativeInfinity(logits[11]));
        Assert.False(float.IsNegativeInfinity(logits[Text]));
    }

    [Fact]
    public void Fallback_OnRepetitionOrLowConfidence_AndSilenceIsSkipped()
    {
        var policy = new FallbackPolicy();
        var repeated = string.Concat(Enumerable.Repeat("您好您好", 40));

        Assert.True(FallbackPolicy.CompressionRatio(repeated) > 2.4);
        Assert.True(FallbackPolicy.CompressionRatio("我家从早上开始就没水了，请尽快派人来看看。") < 2.4);
        Assert.True(policy.NeedsFallback(repeated, -0.2));
        Assert.True(policy.NeedsFallback("正常的一句话", -1.3));
        Assert.False(policy.NeedsFallback("正常的一句话", -0.3));
        Assert.True(policy.IsSilence(0.9, -1.5));
        Assert.False(policy.IsSilence(0.9, -0.2)); // confident text despite a high no-speech probability
    }
}
