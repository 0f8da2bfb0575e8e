using SpeechQa.Scoring.Judging;

namespace SpeechQa.QaPortal.Portal.Components;

/// <summary>The distinct rule ids of a call's stored hits, as the queue lists them.</summary>
public static class QueueRules
{
    public static IEnumerable<string> Of(string hitsJson) => [.. HitsJson.Read(hitsJson).Select(h => h.Rule).Distinct(StringComparer.Ordinal)];
}
