namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th retry waits between half and all of
/// base·2^(n-1) (capped), so retries of many failed calls spread out instead of arriving together.
/// </summary>
public static class RetryPolicy
{
    public static TimeSpan DelayAfter(int failedAttempt, JobTypeOptions options, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var full = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
        var jittered = full / 2 + random.NextDouble() * full / 2;
        return TimeSpan.FromMilliseconds(Math.Round(jittered));
    }

    /// <summary>Bounds of <see cref="DelayAfter"/> (for tests and docs).</summary>
    public static (TimeSpan Min, TimeSpan Max) Bounds(int failedAttempt, JobTypeOptions options)
    {
        var full = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30)), options.RetryMaxDelay.TotalMilliseconds);
        return (TimeSpan.FromMilliseconds(Math.Floor(full / 2)), TimeSpan.FromMilliseconds(Math.Ceiling(full)));
    }
}
