using SpeechQa.Scoring.Privacy;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>信息实体检查: sentences that say personal data of the given kinds, unmasked.</summary>
public sealed class EntityCondition : Condition
{
    public required IReadOnlySet<PersonalDataKind> Kinds { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            if (Guards.ExcludesSentence(s.Text))
                continue;
            var span = PersonalDataRecognizer.Find(s.Text).FirstOrDefault(e => Kinds.Contains(e.Kind));
            if (span is not null)
                yield return new ConditionMatch(i, s.Start, s.End, $"{span.Kind}: {PersonalDataRecognizer.Mask(span.Text)}");
        }
    }
}
