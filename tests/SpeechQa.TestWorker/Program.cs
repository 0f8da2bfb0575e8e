// Usage: SpeechQa.TestWorker <db> <workers> <lease-ms> <job-ms> <name>
// Runs the job engine until the queue is drained (or the process is killed).
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechQa.Batch.Jobs;
using SpeechQa.Batch.Jobs.Recurring;
using SpeechQa.Batch.Store;
using SpeechQa.TestWorker;

var db = args[0];
var workers = int.Parse(args[1], CultureInfo.InvariantCulture);
var lease = TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture));
var jobDuration = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture));
var name = args[4];

await using var store = StoreDataSource.Open(db);
using var signal = new JobSignal();
var catalog = new JobTypeCatalog();
var options = new JobServerOptions { WorkerCount = workers, LeaseDuration = lease, PollInterval = TimeSpan.FromMilliseconds(100), ServerId = name };
var jobs = new JobStore(store, signal, catalog, TimeProvider.System);
var registry = new JobHandlerRegistry([new ObservableJob(store, jobDuration, name)], catalog);
var server = new JobServer(jobs, registry,
    new JobExecutor(jobs, registry, Random.Shared, NullLogger<JobExecutor>.Instance),
    new RecurringJobScheduler(jobs, options, NullLogger<RecurringJobScheduler>.Instance),
    signal, options, NullLogger<JobServer>.Instance);
Console.WriteLine("ready");
await server.RunAsync(CancellationToken.None, untilDrained: true);
Console.WriteLine("drained");
