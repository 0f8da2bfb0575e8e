using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Transcriber.Audio;

/// <summary>One speaker's channel at the analysis rate (16 kHz, what Whisper and the VAD expect).</summary>
public sealed record SpeakerTrack(Speaker Speaker, float[] Samples, int SampleRate)
{
    public double DurationSeconds => (double)Samples.Length / SampleRate;
}
