using Microsoft.Extensions.Hosting;
using SpeechQa.Batch.Jobs;

namespace SpeechQa.QaPortal.Hosting;

/// <summary>
/// Runs the job server inside the portal process. Host shutdown stops fetching and lets running jobs
/// finish (the job server's own shutdown timeout), then requeues what is left.
/// </summary>
public sealed class JobServerHostedService(JobServer server) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => server.RunAsync(stoppingToken);
}
