namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>能量检查: sentences spoken at least N dB above the speaker's own median loudness in the call (needs audio).</summary>
public sealed class LoudnessCondition : Condition
{
    public double MinDbAboveMedian { get; init; } = 8;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (call.Audio is not { } audio)
            yield break;
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            var loudest = audio.Loudness.Where(l => l.Speaker == s.Speaker && l.Start < s.End && s.Start < l.End)
                .Select(l => (double?)l.RelativeLoudnessDb).Max();
            if (loudest is { } db && db >= MinDbAboveMedian)
                yield return new ConditionMatch(i, s.Start, s.End, $"音量 +{db:0.0} dB", Math.Round(db, 1));
        }
    }
}
