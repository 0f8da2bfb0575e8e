using SpeechQa.Transcriber.Audio;

namespace SpeechQa.QaPortal.Portal.Coaching;

/// <summary>A clip's audio: the recording decoded (any format the pipeline reads) and cut to the clip's range, as 16-bit PCM WAV.</summary>
public static class ClipAudio
{
    public static async Task<byte[]> CutAsync(string path, double start, double end, CancellationToken cancellationToken)
    {
        var audio = await new AudioDecoder().DecodeAsync(path, cancellationToken).ConfigureAwait(false);
        var from = Math.Clamp((int)(start * audio.SampleRate), 0, audio.FrameCount);
        var to = Math.Clamp((int)Math.Ceiling(end * audio.SampleRate), from, audio.FrameCount);
        var cut = new DecodedAudio(audio.SampleRate, [.. audio.Channels.Select(c => c[from..to])]);
        return BrowserAudio.Pcm16Wav(cut);
    }
}
