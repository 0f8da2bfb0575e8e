using Microsoft.Extensions.Hosting;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.QaPortal.Hosting;

/// <summary>The Hangfire workers inside the portal process (`speechqa serve`).</summary>
public sealed class HangfireServerHostedService(HangfireWorkerHost host, HangfireServerHostedService.Workers workers) : BackgroundService
{
    /// <summary>How many jobs the portal process runs at once (`serve --workers`).</summary>
    public sealed record Workers(int Count);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => host.RunAsync(workers.Count, null, null, stoppingToken);
}
