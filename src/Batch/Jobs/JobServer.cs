using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Logging;

namespace SpeechQa.Batch.Jobs;

/// <summary>
/// One process's workers: a single dispatcher fetches as many jobs as there are free workers (so an idle
/// server costs one query per poll interval, not one per worker), a lease keeper renews the leases of
/// running jobs, and due recurring jobs are enqueued. Stop (the token passed to RunAsync) takes no new
/// work and lets running jobs finish for <see cref="JobServerOptions.ShutdownTimeout"/>; then they are
/// aborted and put back in the queue.
/// </summary>
public sealed class JobServer(
    JobStore store,
    JobHandlerRegistry handlers,
    JobExecutor executor,
    RecurringJobScheduler recurring,
    JobSignal signal,
    JobServerOptions options,
    ILogger<JobServer> logger)
{
    private static readonly TimeSpan MaxErrorBackoff = TimeSpan.FromSeconds(30);

    public JobServerOptions Options => options;

    /// <summary>Runs until <paramref name="stoppingToken"/> fires, or (with <paramref name="untilDrained"/>) until no job of ours is pending.</summary>
    public async Task RunAsync(CancellationToken stoppingToken, bool untilDrained = false)
    {
        options.Validate();
        BatchLog.JobServerStarted(logger, options.ServerId, options.WorkerCount, store.DataSource.Description);
        var running = new ConcurrentDictionary<long, RunningJob>();
        using var abort = new CancellationTokenSource();
        using var leaseKeeperStop = new CancellationTokenSource();
        var leaseKeeper = KeepLeasesAsync(running, leaseKeeperStop.Token);
        try
        {
            await TakeOverJobsOfDeadLocalWorkersAsync(stoppingToken).ConfigureAwait(false);
            await DispatchAsync(running, untilDrained, abort.Token, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stop requested: fall through to the graceful part.
        }

        var remaining = Task.WhenAll(running.Values.Select(r => r.Task));
        if (await Task.WhenAny(remaining, Task.Delay(options.ShutdownTimeout, store.Clock)).ConfigureAwait(false) != remaining)
            await abort.CancelAsync().ConfigureAwait(false);
        await remaining.ConfigureAwait(false);
        await leaseKeeperStop.CancelAsync().ConfigureAwait(false);
        await leaseKeeper.ConfigureAwait(false);
        BatchLog.JobServerStopped(logger, options.ServerId);
    }

    private async Task DispatchAsync(ConcurrentDictionary<long, RunningJob> running, bool untilDrained, CancellationToken abortToken, CancellationToken stoppingToken)
    {
        long fetchSequence = 0;
        var errorBackoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await recurring.EnqueueDueAsync(stoppingToken).ConfigureAwait(false);
                var free = options.WorkerCount - running.Count;
                if (free > 0)
                {
                    var token = $"{options.ServerId}#{++fetchSequence}";
                    var jobs = await store.FetchAsync(handlers.JobTypes, free, token, options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                    foreach (var job in jobs)
                        Start(job, running, abortToken);
                    if (jobs.Count == free)
                        continue; // probably more waiting
                    if (jobs.Count == 0 && running.IsEmpty && untilDrained && !await HasPendingAsync(stoppingToken).ConfigureAwait(false))
                        return;
                }
                errorBackoff = TimeSpan.Zero;
                await signal.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is unreachable or refused a statement: keep the process alive and try again.
                errorBackoff = errorBackoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(errorBackoff.Ticks * 2, MaxErrorBackoff.Ticks));
                BatchLog.JobLoopError(logger, e, "dispatch", errorBackoff);
                await Task.Delay(errorBackoff, store.Clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TakeOverJobsOfDeadLocalWorkersAsync(CancellationToken cancellationToken)
    {
        foreach (var owner in await store.ListLeaseOwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            var server = owner.Split('#')[0];
            if (DeadWorkerDetector.IsDeadLocalOwner(server))
            {
                var jobs = await store.ExpireLeasesAsync(owner, cancellationToken).ConfigureAwait(false);
                BatchLog.DeadWorkerJobsReleased(logger, server, jobs);
            }
        }
    }

    private async Task<bool> HasPendingAsync(CancellationToken cancellationToken)
    {
        // Only our own types: jobs no handler here can run must not keep a drain-and-exit run waiting forever.
        var counts = await store.CountAsync(handlers.JobTypes, cancellationToken).ConfigureAwait(false);
        return counts.Pending > 0;
    }

    private void Start(FetchedJob job, ConcurrentDictionary<long, RunningJob> running, CancellationToken abortToken)
    {
        var leaseLost = new CancellationTokenSource();
        var entry = new RunningJob(job, leaseLost, store.Clock.GetUtcNow() + options.LeaseDuration);
        running[job.Id] = entry;
        entry.Task = Task.Run(async () =>
        {
            try
            {
                await executor.ExecuteAsync(job, abortToken, leaseLost.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Recording the outcome failed (database gone): the lease will expire and another attempt runs.
                BatchLog.JobLoopError(logger, e, $"job {job.Id}", options.LeaseDuration);
            }
            finally
            {
                running.TryRemove(job.Id, out _);
                leaseLost.Dispose();
                signal.Notify(); // a worker is free
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Renews the leases of running jobs. A job that is no longer ours is cancelled; if renewal itself
    /// keeps failing, jobs are cancelled before their lease can expire, so no job ever runs twice at once.
    /// </summary>
    private async Task KeepLeasesAsync(ConcurrentDictionary<long, RunningJob> running, CancellationToken stopToken)
    {
        var interval = options.EffectiveHeartbeatInterval;
        while (!stopToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, store.Clock, stopToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = store.Clock.GetUtcNow();
            // A lease that ran out before we could renew it (process stalled) may already be someone else's: stop at once.
            foreach (var stale in running.Values.Where(r => r.LeaseValidUntil <= now))
                stale.CancelForLostLease();
            var snapshot = running.Values.Where(r => r.LeaseValidUntil > now).ToList();
            if (snapshot.Count == 0)
                continue;
            try
            {
                var ours = await store.RenewLeasesAsync(snapshot.Select(r => r.Job).ToList(), options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
                foreach (var entry in snapshot)
                {
                    if (ours.Contains(entry.Job.Id))
                        entry.LeaseValidUntil = now + options.LeaseDuration;
                    else if (running.ContainsKey(entry.Job.Id))
                        entry.CancelForLostLease();
                }
            }
            catch (Exception e)
            {
                BatchLog.JobLoopError(logger, e, "lease renewal", interval);
                foreach (var entry in snapshot.Where(r => r.LeaseValidUntil - interval <= now))
                    entry.CancelForLostLease();
            }
        }
    }

    private sealed class RunningJob(FetchedJob job, CancellationTokenSource leaseLost, DateTimeOffset leaseValidUntil)
    {
        public FetchedJob Job { get; } = job;

        public DateTimeOffset LeaseValidUntil { get; set; } = leaseValidUntil;

        public Task Task { get; set; } = Task.CompletedTask;

        public void CancelForLostLease()
        {
            try
            {
                leaseLost.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job finished meanwhile.
            }
        }
    }
}
