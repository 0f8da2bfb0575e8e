using SpeechQa.Scoring.Privacy;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>信息实体检查: sentences that say personal data of the given kinds, unmasked.</summary>
public sealed class EntityCondition : Condition
{
    public required IReadOnlySet<PersonalDataKind> Kinds { get; init; }

    public TextGuards Guards { get; init; } = TextGuards.None;

    /// <summary>Skip data the other party said earlier in the call: reading a customer's own number back to confirm it is not disclosure.</summary>
    public bool ExceptRepeating { get; init; }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        foreach (var i in sentences)
        {
            var s = call.Sentences[i];
            if (Guards.ExcludesSentence(s.Text))
                continue;
            var span = PersonalDataRecognizer.Find(s.Text).FirstOrDefault(e => Kinds.Contains(e.Kind) && !(ExceptRepeating && SaidBefore(call, i, e.Text)));
            if (span is not null)
                yield return new ConditionMatch(i, s.Start, s.End, $"{span.Kind}: {PersonalDataRecognizer.Mask(span.Text)}");
        }
    }

    private static bool SaidBefore(CallView call, int sentence, string data)
    {
        var wanted = Plain(data);
        var speaker = call.Sentences[sentence].Speaker;
        for (var j = 0; j < sentence; j++)
        {
            if (call.Sentences[j].Speaker != speaker && Plain(call.Sentences[j].Text).Contains(wanted, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Letters and digits only, so "138 1234 5678" and "13812345678" compare equal.</summary>
    private static string Plain(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
}
