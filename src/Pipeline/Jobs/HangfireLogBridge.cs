using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace SpeechQa.Pipeline.Jobs;

/// <summary>
/// Hangfire's log messages through <see cref="ILogger"/>. Hangfire has one process-wide log provider (its design, not
/// ours); a process that builds several service containers (the tests) may dispose the factory it points to, so a
/// logger of a disposed factory logs nothing instead of failing the job that asked.
/// </summary>
public sealed class HangfireLogBridge(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return new BridgedLog(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new BridgedLog(null);
        }
    }

    private sealed class BridgedLog(ILogger? logger) : Hangfire.Logging.ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
                return false;
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                if (!logger.IsEnabled(level))
                    return false;
                if (messageFunc is not null)
                {
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates
                    logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                }
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false; // Hangfire keeps loggers in static fields; this one's factory is gone
            }
        }
    }
}
