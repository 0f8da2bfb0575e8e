namespace SpeechQa.Cli;

/// <summary>Process exit codes of `speechqa` (scripts and schedulers rely on them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran, but some calls (or manifest rows) failed.</summary>
    public const int SomeCallsFailed = 1;

    /// <summary>Bad arguments or configuration: nothing was done.</summary>
    public const int UsageOrConfig = 2;
}
