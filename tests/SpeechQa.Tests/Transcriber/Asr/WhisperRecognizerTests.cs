using System.Text.Json;
using SpeechQa.Batch.Calls;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>
/// whisper.cpp through Whisper.net on small random-weight ggml models: what it recognises is noise, but the
/// windows, speakers, times, words, settings and failure paths are the real ones.
/// </summary>
[Collection(CpuHeavyCollection.Name)]
public sealed class WhisperRecognizerTests(GgmlTestModels models) : IClassFixture<GgmlTestModels>
{
    private static readonly WhisperOptions Greedy = new() { BeamSize = 1, Threads = 2, InitialPrompt = "户号 阶梯水价 工单" };

    /// <summary>A 6 s stereo call: the agent speaks 0.5–2.5 s on the left, the customer 3–5.2 s on the right.</summary>
    private static async Task<(IReadOnlyList<SpeakerTrack> Tracks, AcousticMetrics Metrics)> CallAsync()
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-asr-").FullName;
        try
        {
            var path = Path.Combine(folder, "call.wav");
            await File.WriteAllBytesAsync(path, TestWav.Stereo(8000, 6, [(0.5, 2.5)], [(3.0, 5.2)]));
            var audio = await new AudioDecoder().DecodeAsync(path, CancellationToken.None);
            var tracks = SpeakerChannels.Split(audio, ChannelLayout.AgentLeft, ChannelLayout.AgentLeft, "call.wav");
            return (tracks, new AcousticAnalyzer(new VoiceActivityDetector(new VoiceActivityOptions())).Analyze(tracks));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Each_channel_is_recognised_where_it_speaks_with_times_inside_the_audio()
    {
        var (tracks, metrics) = await CallAsync();
        await using var recognizer = new WhisperRecognizer(GgmlWhisperFile.Read(models.F16), Greedy);

        var transcript = await recognizer.TranscribeAsync("C1", tracks, metrics.Speakers, CancellationToken.None);

        Assert.Equal("ggml-test-f16.bin@whisper.cpp (Whisper.net 1.9.1)", transcript.Source);
        Assert.Equal("zh", transcript.Language);
        Assert.Equal([Speaker.Agent, Speaker.Customer], transcript.Segments.Select(s => s.Speaker).Distinct().Order());
        foreach (var segment in transcript.Segments)
        {
            // Only the speaker's own speech (± the 0.3 s padding) was sent, so every time lies inside it.
            var (from, to) = segment.Speaker == Speaker.Agent ? (0.5, 2.5) : (3.0, 5.2);
            Assert.InRange(segment.Start, from - 0.35, to + 0.35);
            Assert.InRange(segment.End, segment.Start, to + 0.35);
            Assert.NotEmpty(segment.Text);
            using var extra = JsonDocument.Parse(segment.Extra!);
            Assert.InRange(extra.RootElement.GetProperty("avg_logprob").GetDouble(), -50, 0);
            Assert.InRange(extra.RootElement.GetProperty("no_speech_prob").GetDouble(), 0, 1);
            foreach (var word in extra.RootElement.GetProperty("words").EnumerateArray())
            {
                Assert.InRange(word.GetProperty("start").GetDouble(), from - 0.35, to + 0.35);
                Assert.InRange(word.GetProperty("end").GetDouble(), word.GetProperty("start").GetDouble(), to + 0.35);
            }
        }
        // The transcript round-trips through the exchange format (formats.md §2).
        var parsed = TranscriptJson.Parse(TranscriptJson.ToUtf8Bytes(transcript));
        Assert.Equal(transcript.Segments.Count, parsed.Segments.Count);
    }

    [Theory]
    [InlineData("q8_0", 1)]
    [InlineData("q5_0", 1)]
    [InlineData("f16", 5)]
    public async Task Quantised_files_and_beam_search_run(string type, int beam)
    {
        var (tracks, metrics) = await CallAsync();
        await using var recognizer = new WhisperRecognizer(GgmlWhisperFile.Read(models.Model(type)), Greedy with { BeamSize = beam });

        var transcript = await recognizer.TranscribeAsync("C2", tracks, metrics.Speakers, CancellationToken.None);

        Assert.NotEmpty(transcript.Segments);
        Assert.All(transcript.Segments, s => Assert.InRange(s.End, 0, 6));
    }

    [Fact]
    public async Task A_silent_call_sends_nothing_and_a_cancelled_call_leaves_the_recogniser_usable()
    {
        var (tracks, metrics) = await CallAsync();
        await using var recognizer = new WhisperRecognizer(GgmlWhisperFile.Read(models.F16), Greedy);

        var silent = await recognizer.TranscribeAsync("C3", tracks, [], CancellationToken.None);
        Assert.Empty(silent.Segments);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognizer.TranscribeAsync("C4", tracks, metrics.Speakers, cancelled.Token));

        var after = await recognizer.TranscribeAsync("C5", tracks, metrics.Speakers, CancellationToken.None);
        Assert.NotEmpty(after.Segments);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_processor_and_the_same_result()
    {
        var (tracks, metrics) = await CallAsync();
        await using var recognizer = new WhisperRecognizer(GgmlWhisperFile.Read(models.F16), Greedy with { Threads = 1 });

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => recognizer.TranscribeAsync($"P{i}", tracks, metrics.Speakers, CancellationToken.None)));

        // No context is carried from one window or call to the next, so the same audio gives the same text.
        Assert.All(results, r => Assert.Equal(results[0].Segments.Select(s => s.Text), r.Segments.Select(s => s.Text)));
    }

    [Fact]
    public async Task A_worker_holds_whisper_cpp_and_onnx_runtime_side_by_side()
    {
        // A worker transcribes (whisper.cpp's ggml natives) and classifies (ONNX Runtime's natives) in one process.
        var (tracks, metrics) = await CallAsync();
        using var classifier = OnnxTextClassifier.Load(Path.Combine(TestPaths.Repository, "models/category.onnx"), new ClassifierTokens(Scoring.Rules.RuleTestKit.Words));
        var before = classifier.Predict(["我家停水了，什么时候来水"], CancellationToken.None)[0];
        await using var recognizer = new WhisperRecognizer(GgmlWhisperFile.Read(models.F16), Greedy);

        var transcript = await recognizer.TranscribeAsync("C6", tracks, metrics.Speakers, CancellationToken.None);
        var after = classifier.Predict(["我家停水了，什么时候来水"], CancellationToken.None)[0];

        Assert.NotEmpty(transcript.Segments);
        Assert.Equal(1.0, after.Sum(), 4);
        Assert.Equal(before, after);
        Assert.Equal("1.32.0", Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString());
    }

    [Fact]
    public async Task A_model_that_breaks_after_start_fails_the_call_with_the_reason_instead_of_aborting()
    {
        // The preflight checks the model at start; if the file is replaced by a bad one later, the first call that
        // loads it gets the reason (the pipeline records it as the call's permanent failure) and the process lives on.
        var (tracks, metrics) = await CallAsync();
        await using var transcriber = new SpeechQa.Transcriber.CallTranscriber(new SpeechQa.Transcriber.TranscriberOptions { WhisperModel = models.F32 });

        var e = await Assert.ThrowsAsync<WhisperModelException>(() => transcriber.TranscribeAsync("C7", tracks, metrics, CancellationToken.None));
        Assert.Contains("f32 weights", e.Message, StringComparison.Ordinal);
        Assert.Contains("f32 weights", transcriber.Preflight(), StringComparison.Ordinal);
    }
}
