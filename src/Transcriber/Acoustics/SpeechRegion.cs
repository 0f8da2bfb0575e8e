namespace SpeechQa.Transcriber.Acoustics;

/// <summary>A stretch of one channel where someone speaks, in seconds from the call start, with its loudness (dBFS RMS).</summary>
public sealed record SpeechRegion(double Start, double End, double LoudnessDb)
{
    public double Duration => End - Start;
}
