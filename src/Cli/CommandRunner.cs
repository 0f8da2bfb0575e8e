using Npgsql;
using SpeechQa.Batch.Ingestion;
using SpeechQa.Batch.Store;

namespace SpeechQa.Cli;

/// <summary>Turns configuration and input errors into a clear message and exit code 2, instead of a stack trace.</summary>
internal static class CommandRunner
{
    /// <summary>The failures of settings checked at start (one options class, or several together), else none.</summary>
    private static List<string> InvalidSettings(Exception e) => e switch
    {
        Microsoft.Extensions.Options.OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(i => i is Microsoft.Extensions.Options.OptionsValidationException) =>
            [.. all.InnerExceptions.SelectMany(i => ((Microsoft.Extensions.Options.OptionsValidationException)i).Failures)],
        _ => [],
    };

    public static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreSettingException or ManifestFormatException or NpgsqlException or FormatException or DirectoryNotFoundException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        catch (Exception e) when (InvalidSettings(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"错误 error: 设置有误 invalid settings: {string.Join("; ", failures)}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        catch (SpeechQa.Pipeline.PreflightException e)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        catch (SpeechQa.Search.Elasticsearch.ElasticsearchException e)
        {
            await Console.Error.WriteLineAsync($"错误 error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            await Console.Error.WriteLineAsync($"错误 error: SQLite: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfig;
        }
    }
}
