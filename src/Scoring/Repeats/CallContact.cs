namespace SpeechQa.Scoring.Repeats;

/// <summary>
/// A scored call as repeat analysis sees it: who called (number, account), when, where, about what, how it was
/// judged, and the repeat cues found in its text when it was analysed. No transcript, so a million fit in memory.
/// </summary>
public sealed record CallContact
{
    public required string CallId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Outbound calls are callbacks (回访) or notices: they never repeat a call, they answer one.</summary>
    public bool Outbound { get; init; }

    public string? CallerNumber { get; init; }
    public string? AccountNo { get; init; }
    public string? Region { get; init; }
    public string? Category { get; init; }
    public string? AgentId { get; init; }
    public string? Team { get; init; }
    public int? Score { get; init; }
    public bool Fatal { get; init; }

    /// <summary>Ids of the rules that hit the call (F03, N08…).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    public IReadOnlyList<CueMatch> Cues { get; init; } = [];

    /// <summary>The caller number as a chaining key: digits only, China's +86 dropped; withheld or too short numbers give none.</summary>
    public string? CallerKey => NumberKey(CallerNumber);

    public string? AccountKey => string.IsNullOrWhiteSpace(AccountNo) ? null : AccountNo.Trim();

    /// <summary>The number and the account as keys of one index (prefixed, so a number never meets an equal account):
    /// calls that share either are the same customer — for chaining and for the callbacks a chain heard.</summary>
    internal string? NumberIndexKey => CallerKey is { } number ? "n:" + number : null;

    internal string? AccountIndexKey => AccountKey is { } account ? "a:" + account : null;

    public CueMatch? Cue(string cue)
    {
        foreach (var match in Cues)
        {
            if (match.Cue == cue)
                return match;
        }
        return null;
    }

    public static string? NumberKey(string? number)
    {
        if (string.IsNullOrEmpty(number))
            return null;
        Span<char> digits = stackalloc char[Math.Min(number.Length, 32)];
        var n = 0;
        foreach (var ch in number)
        {
            if (char.IsAsciiDigit(ch) && n < digits.Length)
                digits[n++] = ch;
        }
        var key = digits[..n];
        if (key.Length == 13 && key.StartsWith("86"))
            key = key[2..];
        return key.Length >= 5 ? new string(key) : null;
    }
}

/// <summary>A repeat cue found in a call (cue id such as R2, ticket, new_issue) and the words that matched.</summary>
public sealed record CueMatch(string Cue, string Text);
