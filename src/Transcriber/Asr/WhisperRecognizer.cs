using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;
using Whisper.net;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// Speech recognition with whisper.cpp (through Whisper.net) on a ggml model: one factory (the weights) per
/// process, one processor (whisper.cpp's decoding state) per concurrent call, reused. Each speaker channel
/// is recognised on its own, and only where the voice activity detector found speech: the regions are
/// grouped into windows of at most 28 s, each decoded without the previous window's text as context (so
/// one call or channel never leaks into another), primed with the hot-word prompt. Times come back clamped
/// to the window, words from token timestamps, and each segment carries its average log-probability and
/// no-speech probability.
/// </summary>
public sealed class WhisperRecognizer : IAsyncDisposable
{
    private static readonly string Engine = "whisper.cpp (Whisper.net " + typeof(WhisperFactory).Assembly.GetName().Version?.ToString(3) + ")";

    private static readonly JsonSerializerOptions ExtraJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly GgmlWhisperFile _model;
    private readonly WhisperOptions _options;
    private readonly WhisperFactory _factory;
    private readonly TokenWords _words;
    private readonly ConcurrentBag<WhisperProcessor> _idle = [];

    public WhisperRecognizer(GgmlWhisperFile model, WhisperOptions options)
    {
        EnsureCpuSupported();
        _model = model;
        _options = options;
        _words = new TokenWords(model);
        try
        {
            _factory = WhisperFactory.FromPath(model.Path, new WhisperFactoryOptions { UseFlashAttention = options.FlashAttention });
        }
        catch (WhisperModelLoadException e)
        {
            throw new WhisperModelException($"语音识别模型加载失败 / whisper.cpp could not load {model.Path}: {e.Message}", e);
        }
    }

    /// <summary>Throws <see cref="WhisperModelException"/> where the Whisper.net Linux runtime (an AVX2/FMA build) cannot run.</summary>
    public static void EnsureCpuSupported()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            throw new WhisperModelException("此 CPU 不支持 AVX2，Whisper.net 的 Linux 运行库需要 AVX2 / this CPU lacks AVX2, which the Whisper.net Linux runtime requires");
    }

    /// <summary>The transcript's source: the model file and the engine.</summary>
    public string Source => $"{Path.GetFileName(_model.Path)}@{Engine}";

    public async Task<Transcript> TranscribeAsync(string callId, IReadOnlyList<SpeakerTrack> tracks, IReadOnlyList<SpeakerActivity> activity, CancellationToken cancellationToken)
    {
        var segments = new List<TranscriptSegment>();
        var processor = Rent();
        try
        {
            foreach (var track in tracks)
            {
                var regions = activity.FirstOrDefault(a => a.Speaker == track.Speaker)?.Regions ?? [];
                foreach (var window in SpeechWindow.Plan(regions, track.DurationSeconds, _options.MaxWindowSeconds, _options.WindowPaddingSeconds))
                {
                    await foreach (var segment in RecogniseAsync(processor, track, window, cancellationToken).ConfigureAwait(false))
                        segments.Add(segment);
                }
            }
        }
        catch
        {
            // A processor interrupted mid-decoding is not reused.
            await processor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _idle.Add(processor);
        return new Transcript(callId, _options.Language, Source, segments.OrderBy(s => s.Start).ThenBy(s => s.Speaker).ToList());
    }

    private async IAsyncEnumerable<TranscriptSegment> RecogniseAsync(WhisperProcessor processor, SpeakerTrack track, SpeechWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = (int)(window.Start * track.SampleRate);
        var to = Math.Min(track.Samples.Length, (int)Math.Ceiling(window.End * track.SampleRate));
        var samples = new ReadOnlyMemory<float>(track.Samples, from, to - from);
        await foreach (var data in processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false))
        {
            var tokens = data.Tokens.Select(t => new TokenWords.Token(t.Id, t.Start, t.End, t.Probability)).ToList();
            var text = (tokens.Count > 0 ? _words.Text(tokens) : data.Text).Trim();
            if (text.Length == 0)
                continue;
            var start = window.Absolute(data.Start.TotalSeconds);
            var end = Math.Max(start, window.Absolute(data.End.TotalSeconds));
            var textTokens = data.Tokens.Where(t => _words.IsText(t.Id)).ToList();
            var averageLogProb = textTokens.Count > 0 ? textTokens.Average(t => (double)t.ProbabilityLog) : 0;
            yield return new TranscriptSegment(track.Speaker, Math.Round(start, 2), Math.Round(end, 2), text)
            {
                Extra = Extra(averageLogProb, data.NoSpeechProbability, _words.Words(tokens, window)),
            };
        }
    }

    private WhisperProcessor Rent()
    {
        if (_idle.TryTake(out var processor))
            return processor;
        var builder = _factory.CreateBuilder()
            .WithLanguage(_options.Language)
            .WithThreads(_options.Threads)
            .WithNoContext()
            .WithTokenTimestamps()
            .WithProbabilities()
            .WithTemperature(0)
            .WithTemperatureInc(_options.TemperatureIncrement)
            .WithEntropyThreshold(_options.EntropyThreshold)
            .WithLogProbThreshold(_options.LogProbThreshold)
            .WithNoSpeechThreshold(_options.NoSpeechThreshold);
        if (_options.InitialPrompt is { Length: > 0 } prompt)
            builder.WithPrompt(prompt);
        if (_options.BeamSize > 1)
            builder.WithBeamSearchSamplingStrategy(beam => beam.WithBeamSize(_options.BeamSize));
        else
            builder.WithGreedySamplingStrategy(greedy => greedy.WithBestOf(5)); // best-of-5 sampling on fallback, as whisper does
        return builder.Build();
    }

    private static string Extra(double averageLogProb, float noSpeech, IReadOnlyList<RecognisedWord> words)
    {
        var extra = new Dictionary<string, object>
        {
            ["avg_logprob"] = Math.Round(averageLogProb, 4),
            ["no_speech_prob"] = Math.Round(double.IsFinite(noSpeech) ? noSpeech : 0, 4),
            ["words"] = words.Select(w => new Dictionary<string, object> { ["text"] = w.Text, ["start"] = w.Start, ["end"] = w.End, ["prob"] = w.Probability }).ToList(),
        };
        return JsonSerializer.Serialize(extra, ExtraJson);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var processor))
            await processor.DisposeAsync().ConfigureAwait(false);
        _factory.Dispose();
    }

    /// <summary>For logs: the model and settings in one line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{_model.Describe()} via {Engine}, language {_options.Language}, beam {_options.BeamSize}, {_options.Threads} threads");
}
