namespace SpeechQa.Pipeline.Jobs;

/// <summary>Retry behaviour of one job type.</summary>
public sealed record JobTypeOptions
{
    public const int DefaultMaxAttempts = 5;
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromHours(1);

    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
    public TimeSpan RetryBaseDelay { get; init; } = DefaultRetryBaseDelay;
    public TimeSpan RetryMaxDelay { get; init; } = DefaultRetryMaxDelay;

    public void Validate(string jobType)
    {
        if (MaxAttempts < 1)
            throw new InvalidOperationException($"Job type '{jobType}': MaxAttempts must be at least 1.");
        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
            throw new InvalidOperationException($"Job type '{jobType}': need 0 <= RetryBaseDelay <= RetryMaxDelay.");
    }
}
