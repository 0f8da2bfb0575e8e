namespace SpeechQa.Cli;

/// <summary>
/// Which job engine `run` and `worker` use while both exist: the store's own (default) or Hangfire
/// (`--engine hangfire` or SPEECHQA_ENGINE=hangfire). The store's engine goes once Hangfire passes its crash tests.
/// </summary>
public static class JobEngineChoice
{
    public const string Variable = "SPEECHQA_ENGINE";
    public const string Store = "store";
    public const string Hangfire = "hangfire";

    public static System.CommandLine.Option<string> Option() => new("--engine")
    {
        Description = $"Job engine: {Store} or {Hangfire} (${Variable})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } engine ? engine : Store,
    };

    public static bool IsHangfire(string engine) => engine switch
    {
        Hangfire => true,
        Store => false,
        _ => throw new FormatException($"Unknown job engine '{engine}': use {Store} or {Hangfire}."),
    };
}
