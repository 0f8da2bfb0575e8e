using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>
/// 静音检查: stretches where nobody speaks for at least the given time — measured on the audio when there is
/// audio, else the gaps between segments — unless the agent announced it (请稍等 in the agent's sentence before)
/// or apologised for it (让您久等了 in the agent's sentence after).
/// </summary>
public sealed class SilenceCondition : Condition
{
    public double MinSeconds { get; init; } = 5;

    public IReadOnlyList<string> ExceptBefore { get; init; } = [];

    public IReadOnlyList<string> ExceptAfter { get; init; } = [];

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var (start, end) in Gaps(call))
        {
            if (end - start < MinSeconds || !Scope.Contains(call, start))
                continue;
            var before = LastAgentSentenceEndingBy(call, start + 0.5);
            var after = FirstAgentSentenceStartingFrom(call, end - 0.5);
            if (before >= 0 && ContainsAny(call.Sentences[before].Text, ExceptBefore))
                continue;
            if (after >= 0 && ContainsAny(call.Sentences[after].Text, ExceptAfter))
                continue;
            yield return new ConditionMatch(after >= 0 ? after : before, Math.Round(start, 2), Math.Round(end, 2), $"静音 silence {end - start:0.0} s", Math.Round(end - start, 2));
        }
    }

    private static IEnumerable<(double Start, double End)> Gaps(CallView call)
    {
        if (call.Audio is { } audio)
        {
            foreach (var silence in audio.Silences)
                yield return silence;
            yield break;
        }
        var covered = call.Sentences.Count == 0 ? 0 : call.Sentences[0].End;
        for (var i = 1; i < call.Sentences.Count; i++)
        {
            var s = call.Sentences[i];
            if (s.Start > covered)
                yield return (covered, s.Start);
            covered = Math.Max(covered, s.End);
        }
    }

    private static int LastAgentSentenceEndingBy(CallView call, double time)
    {
        for (var i = call.Sentences.Count - 1; i >= 0; i--)
        {
            if (call.Sentences[i].Speaker == Speaker.Agent && call.Sentences[i].End <= time)
                return i;
        }
        return -1;
    }

    private static int FirstAgentSentenceStartingFrom(CallView call, double time)
    {
        for (var i = 0; i < call.Sentences.Count; i++)
        {
            if (call.Sentences[i].Speaker == Speaker.Agent && call.Sentences[i].Start >= time)
                return i;
        }
        return -1;
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> phrases) => phrases.Any(p => text.Contains(p, StringComparison.Ordinal));
}
