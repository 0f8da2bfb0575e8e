namespace SpeechQa.Scoring.Classification;

/// <summary>The taxonomy's call categories (C01–C12, C99 other): rule sets, the category model and the demo data name these.</summary>
public static class CallCategories
{
    /// <summary>Every category id, in taxonomy order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12", "C99"];
}
