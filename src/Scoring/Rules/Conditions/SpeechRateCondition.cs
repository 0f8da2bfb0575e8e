namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>语速检查: characters per minute over the scope's sentences (short sentences skipped) above the limit.</summary>
public sealed class SpeechRateCondition : Condition
{
    public double MaxCharsPerMinute { get; init; } = 280;

    public int MinSentenceChars { get; init; } = 8;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        double chars = 0, seconds = 0;
        var first = -1;
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            var spoken = SentenceSimilarity.SpokenLength(s.Text);
            if (spoken < MinSentenceChars || s.Duration <= 0)
                continue;
            chars += spoken;
            seconds += s.Duration;
            if (first < 0)
                first = i;
        }
        if (seconds <= 0)
            yield break;
        var rate = chars / (seconds / 60);
        if (rate > MaxCharsPerMinute)
            yield return new ConditionMatch(first, call.Sentences[first].Start, call.Sentences[sentences[^1]].End, $"语速 {rate:0} 字/分钟 chars/min", Math.Round(rate));
    }
}
