using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>抢话检查: the given speaker starts while the other is speaking and both talk for at least the given time.</summary>
public sealed class InterruptionCondition : Condition
{
    public double MinOverlapSeconds { get; init; } = 1.0;

    public Speaker By { get; init; } = Speaker.Agent;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        if (call.Audio is { } audio)
        {
            foreach (var (start, end, interrupter) in audio.Overlaps)
            {
                if (interrupter == By && end - start >= MinOverlapSeconds && Scope.Contains(call, start))
                    yield return new ConditionMatch(SentenceAt(call, start), start, end, $"抢话 overlap {end - start:0.0} s", Math.Round(end - start, 2));
            }
            yield break;
        }
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            if (s.Speaker != By || !Scope.Contains(call, s.Start))
                continue;
            foreach (var other in call.Sentences)
            {
                if (other.Speaker == By || other.Speaker == Speaker.Unknown || !(other.Start < s.Start && s.Start < other.End))
                    continue;
                var overlap = Math.Min(other.End, s.End) - s.Start;
                if (overlap >= MinOverlapSeconds)
                {
                    yield return new ConditionMatch(i, s.Start, Math.Min(other.End, s.End), $"抢话 overlap {overlap:0.0} s", Math.Round(overlap, 2));
                    break;
                }
            }
        }
    }

    private int SentenceAt(CallView call, double time)
    {
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            if (s.Speaker == By && s.Start <= time + 0.5 && time < s.End)
                return i;
        }
        return -1;
    }
}
