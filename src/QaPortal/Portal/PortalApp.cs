using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.QaPortal.Hosting;

namespace SpeechQa.QaPortal.Portal;

/// <summary>The web process of `speechqa serve`: store, pipeline workers and the portal, migrated and ready to run (tests start the same).</summary>
public static class PortalApp
{
    /// <param name="scoring">Where rules and models are; default from the environment (SPEECHQA_RULES, SPEECHQA_MODELS).</param>
    public static async Task<WebApplication> BuildAsync(string database, string urls, int workers, LogLevel logLevel, CancellationToken cancellationToken,
        SpeechQa.Pipeline.ScoringOptions? scoring = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // SPEECHQA_* variables as configuration keys (SPEECHQA_ES_URL → ES_URL): the options classes bind and check them at start.
        builder.Configuration.AddEnvironmentVariables(SpeechQa.Batch.Settings.SpeechQaConfiguration.Prefix);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Services.AddSpeechQaBatch(database);
        builder.Services.AddSpeechQaPipeline();
        if (scoring is not null)
            builder.Services.AddSingleton(scoring); // the last registration is the one resolved
        builder.Services.AddSingleton(new HangfireServerHostedService.Workers(workers));
        builder.Services.AddHostedService<HangfireServerHostedService>();
        builder.AddPortal();
        var app = builder.Build();
        // Every setting checked before the store is touched, all failures together (the host would check them again at start).
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        app.UsePortal();
        return app;
    }
}
