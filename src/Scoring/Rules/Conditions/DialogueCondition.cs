using SpeechQa.Scoring.Dialogue;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>对话状态检查: the sentences at which the call's dialogue state holds an event (verified, disclosure, agent ticket…).</summary>
public sealed class DialogueCondition : Condition
{
    public required DialogueEvent Event { get; init; }

    public required DialogueCues Cues { get; init; }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        var inScope = sentences as IReadOnlySet<int> ?? sentences.ToHashSet();
        foreach (var moment in call.DialogueState(Cues).Events(Event))
        {
            if (!inScope.Contains(moment.Sentence))
                continue;
            var s = call.Sentences[moment.Sentence];
            yield return new ConditionMatch(moment.Sentence, s.Start, s.End, moment.Evidence);
        }
    }
}
