using Microsoft.Extensions.Hosting;
using SpeechQa.Batch.Jobs;
using SpeechQa.Pipeline.Jobs;

namespace SpeechQa.QaPortal.Hosting;

/// <summary>The Hangfire workers inside the portal process (`speechqa serve --engine hangfire`).</summary>
public sealed class HangfireServerHostedService(HangfireWorkerHost host, JobServerOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => host.RunAsync(options.WorkerCount, null, null, stoppingToken);
}
