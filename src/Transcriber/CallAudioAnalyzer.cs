using SpeechQa.Batch.Calls;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace SpeechQa.Transcriber;

/// <summary>
/// Decodes a call's recording, splits it into speaker tracks at 16 kHz and measures it. Throws
/// <see cref="AudioDecodeException"/> with a user-facing reason when the file cannot be used.
/// </summary>
public sealed class CallAudioAnalyzer(AudioDecoder decoder, AcousticAnalyzer analyzer, TranscriberOptions options)
{
    public async Task<(IReadOnlyList<SpeakerTrack> Tracks, AcousticMetrics Metrics)> AnalyzeAsync(Call call, CancellationToken cancellationToken)
    {
        var path = call.AudioPath ?? throw new ArgumentException($"Call {call.CallId} has no audio.", nameof(call));
        var audio = await decoder.DecodeAsync(path, cancellationToken).ConfigureAwait(false);
        var tracks = SpeakerChannels.Split(audio, call.Channels, options.DefaultChannelLayout, Path.GetFileName(path));
        return (tracks, analyzer.Analyze(tracks));
    }
}
