using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Transcriber.Acoustics;

/// <summary>What the audio itself says about a call: who spoke when, silences, overlaps, loudness (feeds N04, N05, N11).</summary>
public sealed record AcousticMetrics(
    double DurationSeconds,
    IReadOnlyList<SpeakerActivity> Speakers,
    IReadOnlyList<Silence> Silences,
    IReadOnlyList<Overlap> Overlaps);

/// <summary>One speaker's speech regions; <see cref="RelativeLoudnessDb"/> is each region against that speaker's own median.</summary>
public sealed record SpeakerActivity(Speaker Speaker, double TalkSeconds, IReadOnlyList<SpeechRegion> Regions, IReadOnlyList<double> RelativeLoudnessDb);

/// <summary>A stretch where every channel is quiet, between two utterances.</summary>
public sealed record Silence(double Start, double End)
{
    public double Duration => End - Start;
}

/// <summary>Both speak at once: <see cref="Interrupter"/> started while <see cref="Interrupted"/> was speaking.</summary>
public sealed record Overlap(double Start, double End, Speaker Interrupter, Speaker Interrupted)
{
    public double Duration => End - Start;
}
