namespace SpeechQa.Scoring.Repeats;

/// <summary>How first-call resolution, repeat rate and callbacks are broken down.</summary>
public enum RepeatDimension
{
    Agent,
    Team,
    Category,
    Region,
    Week,
}

/// <summary>
/// First-call resolution of one group: inbound calls whose window has closed (or that were repeated), how many of
/// them were repeated, and how many are still open (their window has not passed yet, so they are not counted).
/// </summary>
public sealed record ResolutionRow(string Key, int Calls, int Repeated, int Repeats, int Pending)
{
    /// <summary>一次解决率: calls with no repeat inside the window / calls.</summary>
    public double Fcr => Calls == 0 ? 0 : 1 - (double)Repeated / Calls;

    /// <summary>Share of this group's inbound calls that repeat an earlier one.</summary>
    public double RepeatRate => Calls + Pending == 0 ? 0 : (double)Repeats / (Calls + Pending);
}

/// <summary>回访及时率 of one group: repair/complaint calls with an outbound call to the same number within the SLA.</summary>
public sealed record CallbackRow(string Key, int Eligible, int Timely, int Late, int Missing)
{
    public double Timeliness => Eligible == 0 ? 0 : (double)Timely / Eligible;
}

/// <summary>Repeat rate of calls with a rule's hit against calls without it: does this QA finding predict repeats?</summary>
public sealed record RuleRepeatLift(string Rule, int CallsWithHit, int RepeatedWithHit, double RateWithHit, double RateWithout)
{
    public double Difference => RateWithHit - RateWithout;
}

/// <summary>Repeat rate by QA score band.</summary>
public sealed record ScoreBand(string Band, int Calls, int Repeated)
{
    public double RepeatRate => Calls == 0 ? 0 : (double)Repeated / Calls;
}

/// <summary>The repeat-call figures managers track, for the calls analysed up to <see cref="AsOf"/>.</summary>
public sealed record RepeatReport(
    DateTimeOffset AsOf,
    ResolutionRow Overall,
    int Chains,
    int Clusters,
    IReadOnlyDictionary<RootCause, int> ChainsByCause,
    IReadOnlyDictionary<RepeatDimension, IReadOnlyList<ResolutionRow>> Resolution,
    CallbackRow Callbacks,
    IReadOnlyList<CallbackRow> CallbacksByTeam,
    double? ScoreRepeatCorrelation,
    IReadOnlyList<ScoreBand> ScoreBands,
    IReadOnlyList<RuleRepeatLift> RuleLifts);
