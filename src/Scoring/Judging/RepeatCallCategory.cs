using SpeechQa.Scoring.Classification;

namespace SpeechQa.Scoring.Judging;

/// <summary>
/// The taxonomy's rule for repeat calls: a caller who reported a repair before and says it is still not done is
/// calling about the delay (C10 维修时效投诉), whatever the repair was; the classifier's other guesses follow.
/// </summary>
public static class RepeatCallCategory
{
    public const string RepairDelay = "C10";

    public static IReadOnlyList<CategoryScore> Apply(IReadOnlyList<CategoryScore> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count > 0 && categories[0].Id == RepairDelay)
            return categories;
        var delay = categories.FirstOrDefault(c => c.Id == RepairDelay) ?? new CategoryScore(RepairDelay, 0);
        return [delay, .. categories.Where(c => c.Id != RepairDelay).Take(2)];
    }
}
