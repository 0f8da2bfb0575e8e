using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;

namespace SpeechQa.Cli;

/// <summary>The services one CLI command runs with: the store (migrated to the latest schema), the pipeline and its Hangfire engine.</summary>
public sealed class CliApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliApp(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<CliApp> OpenAsync(GlobalOptions global, ParseResult result, CancellationToken cancellationToken,
        bool longRunning = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(global.LogLevelFor(result, longRunning)));
        services.AddSpeechQaBatch(global.DatabaseSetting(result));
        services.AddSpeechQaPipeline();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var app = new CliApp(provider);
        try
        {
            // The settings (SPEECHQA_*) are checked before anything runs, as a host checks them at start.
            provider.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            await app.Get<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return app;
    }

    public string StoreDescription => Get<StoreDataSource>().Description;

    public async ValueTask DisposeAsync() => await _services.DisposeAsync().ConfigureAwait(false);
}
