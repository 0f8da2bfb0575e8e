using SpeechQa.Batch.Transcripts;
using SpeechQa.OnnxRuntime;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>
/// The speech recogniser of this process: a Whisper model loaded once, on first use, when one is configured.
/// Without a model <see cref="IsConfigured"/> is false and nothing is loaded (the ONNX Runtime library is not
/// even needed then).
/// </summary>
public sealed class CallTranscriber(TranscriberOptions options) : IDisposable
{
    private readonly Lazy<(OrtRuntime Runtime, WhisperOnnxModel Model, WhisperTranscriber Transcriber)> _loaded = new(() =>
    {
        var folder = WhisperModelFolder.Load(options.WhisperModelFolder!, options.WhisperVariant);
        var runtime = OrtRuntime.Load();
        var model = new WhisperOnnxModel(runtime, folder);
        return (runtime, model, new WhisperTranscriber(model, WhisperTokenizer.Load(folder.Path), options.Whisper));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public bool IsConfigured => options.WhisperModelFolder is not null;

    /// <summary>Transcribes the speaker tracks; CPU-bound, so it runs on a pool thread.</summary>
    public Task<Transcript> TranscribeAsync(string callId, IReadOnlyList<SpeakerTrack> tracks, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
            throw new InvalidOperationException("No Whisper model is configured (SPEECHQA_WHISPER_MODEL).");
        return Task.Run(() => _loaded.Value.Transcriber.Transcribe(callId, tracks, cancellationToken), cancellationToken);
    }

    public void Dispose()
    {
        if (!_loaded.IsValueCreated)
            return;
        _loaded.Value.Model.Dispose();
        _loaded.Value.Runtime.Dispose();
    }
}
