using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Judging;

/// <summary>
/// A high bill the caller blames on the reading (抄错了吧, 是不是估的, 没人来抄) is a meter/reading matter (C07), not a
/// tariff or payment question: when the category model puts C01 or C02 first and C07 second, and the caller says so,
/// C07 comes first. Only then — where the model ranks C07 lower, the caller's reading complaint was a side remark.
/// </summary>
public static class ReadingDisputeCategory
{
    public const string MeterReading = "C07";

    private static readonly string[] BillCategories = ["C01", "C02"];

    public static IReadOnlyList<CategoryScore> Apply(IReadOnlyList<CategoryScore> categories, CallView call, DialogueCues cues)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(cues);
        if (categories.Count < 2 || !BillCategories.Contains(categories[0].Id) || categories[1].Id != MeterReading)
            return categories;
        var blamed = cues["reading_blamed"];
        if (!call.Sentences.Any(s => s.Speaker == Speaker.Customer && blamed.Find(s.Speaker, s.Text) is not null))
            return categories;
        return [categories[1], categories[0], .. categories.Skip(2)];
    }
}
