using System.Globalization;

namespace SpeechQa.Scoring.Rules.Conditions;

/// <summary>随录参数检查: a call field equals one of the values, or (numbers) lies within min/max.</summary>
public sealed class MetadataCondition : Condition
{
    public required string Field { get; init; }

    public IReadOnlyList<string> In { get; init; } = [];

    public double? Min { get; init; }

    public double? Max { get; init; }

    protected override IEnumerable<ConditionMatch> Find(CallView call, IReadOnlyList<int> sentences)
    {
        var value = call.Metadata.Field(Field);
        if (value is null)
            yield break;
        var ok = In.Count == 0 || In.Contains(value, StringComparer.OrdinalIgnoreCase);
        if ((Min is not null || Max is not null) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            ok &= (Min is not { } min || number >= min) && (Max is not { } max || number <= max);
        if (ok)
            yield return new ConditionMatch(-1, 0, call.Duration, $"{Field}={value}");
    }
}
