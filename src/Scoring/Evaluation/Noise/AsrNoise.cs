using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Evaluation.Noise;

/// <summary>A transcript as an ASR run would have written it, with what was changed.</summary>
public sealed record NoisyTranscript(Transcript Transcript, AsrNoiseTally Tally);

/// <summary>
/// Turns a clean format-2 transcript into what Whisper-style Chinese ASR makes of hotline speech, to measure how much
/// the rules lose on it (issue #18 item 6): homophones of domain words, punctuation dropped or changed, numbers
/// written the other way, segments split at a pause or merged, fillers left out. Every opportunity for a change is
/// taken with probability <see cref="Level"/> (0 = the clean text, 1 = every one); the choices are seeded by the call
/// id and <see cref="Seed"/>, so the same call always comes out the same. Speakers are kept and timings stay ordered.
/// </summary>
public sealed class AsrNoise
{
    public AsrNoise(double level, int seed = 0, IReadOnlySet<AsrChange>? kinds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 1.0);
        Level = level;
        Seed = seed;
        Kinds = kinds ?? Enum.GetValues<AsrChange>().ToHashSet();
    }

    /// <summary>The level `speechqa rules eval --asr-noise` uses unless told otherwise.</summary>
    public const double DefaultLevel = 0.3;

    public double Level { get; }

    public int Seed { get; }

    /// <summary>The kinds of change made (all unless told): one kind alone shows what it costs the rules.</summary>
    public IReadOnlySet<AsrChange> Kinds { get; }

    public NoisyTranscript Apply(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var dice = new NoiseDice(transcript.CallId, Seed, Level, Kinds);
        var style = (PunctuationStyle)dice.Pick(3);
        var ordered = transcript.Segments.OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var segments = new List<TranscriptSegment>(ordered.Count);
        foreach (var merged in SegmentBoundaries.Merge(ordered, dice))
        {
            var text = HomophoneWriter.Rewrite(SpokenNumberWriter.Rewrite(FillerWriter.Rewrite(merged.Text, dice), dice), dice);
            foreach (var piece in SegmentBoundaries.Split(merged with { Text = text }, dice))
            {
                var punctuated = dice.Roll(AsrChange.Punctuation) ? PunctuationWriter.Rewrite(piece.Text, style, dice) : piece.Text;
                // Word timings and log-probs in Extra belong to the clean text; a real ASR run would have its own.
                segments.Add(piece with { Text = punctuated.Length > 0 ? punctuated : piece.Text, Extra = null });
            }
        }
        return new NoisyTranscript(transcript with { Segments = segments, Source = "asr-noise" }, dice.Tally);
    }
}
