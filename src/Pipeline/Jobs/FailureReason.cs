namespace SpeechQa.Pipeline.Jobs;

/// <summary>The reason a job failed as users see it on the call: the first line of the error (no stack trace).</summary>
public static class FailureReason
{
    public static string Of(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var end = error.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? error : error[..end]).TrimEnd('\r');
    }
}
