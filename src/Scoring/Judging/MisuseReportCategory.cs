using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Judging;

/// <summary>
/// A caller reporting someone else's illegal water use (a hose on a fire hydrant, a pipe tapped before the meter) asks for
/// an inspection (用水稽查), which none of C01–C12 covers: the call is C99 even though its words are a leak's or a meter's
/// (接了根管子, 水表) — the category model reads those words and ranks the call as a leak. C99 keeps the model's own probability,
/// however low (the judge passes every category; a list without C99 is returned unchanged). The cue `misuse_reported`
/// excludes a caller defending themselves (别说我偷水).
/// </summary>
public static class MisuseReportCategory
{
    public const string Other = "C99";

    public static IReadOnlyList<CategoryScore> Apply(IReadOnlyList<CategoryScore> categories, CallView call, DialogueCues cues)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(cues);
        if (categories.Count == 0 || categories[0].Id == Other)
            return categories;
        var reported = cues["misuse_reported"];
        if (!call.Sentences.Any(s => s.Speaker == Speaker.Customer && reported.Find(s.Speaker, s.Text) is not null))
            return categories;
        return categories.FirstOrDefault(c => c.Id == Other) is { } other
            ? [other, .. categories.Where(c => c.Id != Other)]
            : categories;
    }
}
