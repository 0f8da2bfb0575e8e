using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>
/// The whole path on the tiny random model — log-mel, encoder, merged decoder with cache, beam search and
/// sampling with the timestamp rules, fallback, seeking, two channels — must run, be deterministic and
/// produce well-formed, correctly timed segments. (Random weights say nothing about accuracy.)
/// </summary>
public sealed class WhisperTranscriberTests(TinyWhisper tiny) : IClassFixture<TinyWhisper>
{
    private static float[] Tone(double seconds, double frequency) =>
        Enumerable.Range(0, (int)(seconds * 16000)).Select(i => (float)(0.2 * Math.Sin(2 * Math.PI * frequency * i / 16000))).ToArray();

    [Fact]
    public void Transcribe_TwoChannels_GivesDeterministicTimedSegmentsPerSpeaker()
    {
        var options = new WhisperOptions
        {
            BeamSize = 2, SampleLength = 24, InitialPrompt = "户号 阶梯水价 二次供水",
            Fallback = new FallbackPolicy { Temperatures = [0.0f, 0.5f, 1.0f] }, // random weights always fail the gates: keep the retries few
        };
        var transcriber = new WhisperTranscriber(tiny.Model, tiny.Tokenizer, options);
        SpeakerTrack[] tracks = [new(Speaker.Agent, Tone(35, 440), 16000), new(Speaker.Customer, Tone(12, 700), 16000)];

        var first = transcriber.Transcribe("T1", tracks, CancellationToken.None);
        var second = transcriber.Transcribe("T1", tracks, CancellationToken.None);

        Assert.Equal("tiny-random-whisper@onnx", first.Source);
        Assert.Equal(first.Segments, second.Segments);
        Assert.All(first.Segments, s =>
        {
            Assert.InRange(s.Start, 0, s.Speaker == Speaker.Agent ? 35 : 12);
            Assert.True(s.End >= s.Start);
            Assert.NotEmpty(s.Text);
            Assert.Contains("avg_logprob", s.Extra);
        });
        Assert.Equal(first.Segments.OrderBy(s => s.Start).Select(s => s.Start), first.Segments.Select(s => s.Start));
    }

    [Fact]
    public void Decode_Greedy_StartsWithATimestampWithinTheFirstSecond_AndKeepsTimestampsInOrder()
    {
        var decoder = new WhisperWindowDecoder(tiny.Model, tiny.Tokenizer, new WhisperOptions { BeamSize = 1, SampleLength = 40 });
        var encoded = tiny.Model.Encode(new LogMelSpectrogram(80).Compute(Tone(10, 300)), CancellationToken.None);

        var result = decoder.Decode(encoded, [], 0f, new Random(1), CancellationToken.None);

        Assert.NotEmpty(result.Tokens);
        Assert.InRange(result.Tokens[0], tiny.Tokenizer.TimestampTokenId(0), tiny.Tokenizer.TimestampTokenId(1.0));
        var timestamps = result.Tokens.Where(tiny.Tokenizer.IsTimestamp).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.InRange(result.NoSpeechProbability, 0, 1);
        Assert.True(result.AverageLogProb <= 0);
    }
}
