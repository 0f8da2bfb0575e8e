using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpeechQa.Batch.Store;
using SpeechQa.Batch.Store.Migrations;
using SpeechQa.QaPortal.Hosting;
using SpeechQa.Pipeline;
using SpeechQa.QaPortal.Portal;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa serve`: the QA portal (sign-in, queue, call pages with review, dashboard, admin) and the workers in one
/// web process on 127.0.0.1; accounts come from `speechqa users add`.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DefaultUrl };
        var workers = WorkerCommand.WorkersOption();
        var command = new Command("serve", "Run the QA portal with in-process Hangfire workers (127.0.0.1 by default)\n\n" + SettingsHelp.Text) { urls, workers };
        command.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await PortalApp.BuildAsync(global.DatabaseSetting(result), result.GetValue(urls)!, result.GetValue(workers),
                global.LogLevelFor(result, longRunning: true), cancellationToken).ConfigureAwait(false);
            app.Services.GetRequiredService<PipelinePreflight>().EnsureReady();
            Console.WriteLine($"SpeechQa 已启动 listening on {result.GetValue(urls)} (store: {app.Services.GetRequiredService<StoreDataSource>().Description})");
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
