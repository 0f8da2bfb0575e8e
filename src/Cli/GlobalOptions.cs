using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace SpeechQa.Cli;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    public const string DefaultDatabase = "data/speechqa.db";
    public const string DatabaseVariable = "SPEECHQA_DB";

    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"SQLite file or PostgreSQL connection string (default: ${DatabaseVariable}, else {DefaultDatabase})",
        Recursive = true,
    };

    public Option<LogLevel?> LogLevel { get; } = new("--log-level")
    {
        Description = "Log detail on stderr: Trace, Debug, Information, Warning, Error (default: Warning; Information for worker and serve)",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Database);
        root.Options.Add(LogLevel);
    }

    /// <summary>Long-running commands log more by default: their log is the only record of what they did.</summary>
    public LogLevel LogLevelFor(ParseResult result, bool longRunning) =>
        result.GetValue(LogLevel) ?? (longRunning ? Microsoft.Extensions.Logging.LogLevel.Information : Microsoft.Extensions.Logging.LogLevel.Warning);

    public string DatabaseSetting(ParseResult result) =>
        result.GetValue(Database) is { Length: > 0 } db ? db
        : Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } env ? env
        : DefaultDatabase;
}
