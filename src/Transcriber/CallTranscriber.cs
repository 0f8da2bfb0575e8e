using SpeechQa.Batch.Transcripts;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Asr;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>
/// The speech recogniser of this process: a whisper.cpp model checked and loaded once, on first use, when one
/// is configured. A model that cannot be used fails every call that needs it with the same reason
/// (<see cref="WhisperModelException"/>) and is not loaded again until the process restarts.
/// </summary>
public sealed class CallTranscriber(TranscriberOptions options) : IAsyncDisposable
{
    private readonly Lazy<WhisperRecognizer> _recognizer = new(
        () => new WhisperRecognizer(GgmlWhisperFile.Read(options.WhisperModel!), options.Whisper),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public bool IsConfigured => options.WhisperModel is not null;

    /// <summary>
    /// Why the configured model cannot be used (the CPU and the file's header checked, nothing loaded), or null when it can
    /// or none is configured. The recogniser checks the file again when it first loads it: that may be much later, and
    /// only the file whisper.cpp is about to load can be vouched for.
    /// </summary>
    public string? Preflight()
    {
        if (!IsConfigured)
            return null;
        try
        {
            WhisperRecognizer.EnsureCpuSupported();
            GgmlWhisperFile.Read(options.WhisperModel!);
            return null;
        }
        catch (WhisperModelException e)
        {
            return e.Message;
        }
    }

    /// <summary>Transcribes each speaker track where <paramref name="metrics"/> found speech.</summary>
    public Task<Transcript> TranscribeAsync(string callId, IReadOnlyList<SpeakerTrack> tracks, AcousticMetrics metrics, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
            throw new InvalidOperationException("No Whisper model is configured (SPEECHQA_WHISPER_MODEL).");
        return _recognizer.Value.TranscribeAsync(callId, tracks, metrics.Speakers, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_recognizer.IsValueCreated)
            await _recognizer.Value.DisposeAsync().ConfigureAwait(false);
    }
}
