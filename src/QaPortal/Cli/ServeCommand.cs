using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.QaPortal.Hosting;

namespace SpeechQa.QaPortal.Cli;

/// <summary>
/// `speechqa serve`: hosts the workers in a web process on 127.0.0.1. The portal's pages arrive with the
/// portal issue; today it serves only the anonymous /health probe, which reveals no call data.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DefaultUrl };
        var workers = WorkerCommand.WorkersOption();
        var command = new Command("serve", "Run the web host (health endpoint now, the QA portal later) with in-process workers") { urls, workers };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(result.GetValue(urls)!);
            builder.Logging.SetMinimumLevel(global.LogLevelFor(result, longRunning: true));
            builder.Services.AddSpeechQaBatch(global.DatabaseSetting(result), new JobServerOptions { WorkerCount = result.GetValue(workers) });
            builder.Services.AddSpeechQaPipeline();
            builder.Services.AddHostedService<JobServerHostedService>();
            await using var app = builder.Build();
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            app.MapGet("/health", async (StoreDataSource store, CancellationToken ct) =>
            {
                await store.ScalarAsync<long>("SELECT 1", null, ct).ConfigureAwait(false);
                return Results.Text("ok");
            });
            Console.WriteLine($"SpeechQa 已启动 listening on {result.GetValue(urls)} (store: {app.Services.GetRequiredService<StoreDataSource>().Description})");
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
