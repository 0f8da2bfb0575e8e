// Usage: SpeechQa.Bench jobs [--pg <connection string>] [--jobs N] [--idle-seconds S]
//        SpeechQa.Bench whisper [--sizes tiny,base,small] [--steps N] [--tokens N]
//        SpeechQa.Bench segment [--corpus FILE] [--passes N]
//        SpeechQa.Bench rules [--calls N]
//        SpeechQa.Bench pipeline [--calls N] [--demo-calls N]
//        SpeechQa.Bench classifier [--examples N]
//        SpeechQa.Bench search [--calls N] [--pg <connection string>]
// Prints job-engine figures for SQLite (and PostgreSQL when given) beside the reference's documented defaults,
// or Whisper real-time factors.
using System.Globalization;
using SpeechQa.Bench;

if (args.Length > 0 && args[0] == "whisper")
{
    var sizes = args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault()?.Split(',') ?? ["tiny", "base"];
    var steps = int.Parse(args.SkipWhile(a => a != "--steps").Skip(1).FirstOrDefault() ?? "64", CultureInfo.InvariantCulture);
    var windowTokens = int.Parse(args.SkipWhile(a => a != "--tokens").Skip(1).FirstOrDefault() ?? "150", CultureInfo.InvariantCulture);
    WhisperBench.Run(sizes, [1, 2], steps, windowTokens, Path.GetFullPath("tests/models"), WhisperCppReference.FromEnvironment());
    return 0;
}

if (args.Length > 0 && args[0] == "segment")
{
    var corpus = args.SkipWhile(a => a != "--corpus").Skip(1).FirstOrDefault();
    var passes = int.Parse(args.SkipWhile(a => a != "--passes").Skip(1).FirstOrDefault() ?? "3", CultureInfo.InvariantCulture);
    SegmentationBench.Run(Directory.GetCurrentDirectory(), corpus, passes);
    return 0;
}

if (args.Length > 0 && args[0] == "search")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "100000", CultureInfo.InvariantCulture);
    await SearchBench.RunAsync(Directory.GetCurrentDirectory(), calls, args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault());
    return 0;
}

if (args.Length > 0 && args[0] == "classifier")
{
    var examples = int.Parse(args.SkipWhile(a => a != "--examples").Skip(1).FirstOrDefault() ?? "10000", CultureInfo.InvariantCulture);
    ClassifierBench.Run(Directory.GetCurrentDirectory(), examples);
    return 0;
}

if (args.Length > 0 && args[0] == "portal")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "100000", CultureInfo.InvariantCulture);
    var seconds = int.Parse(args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault() ?? "15", CultureInfo.InvariantCulture);
    await PortalBench.RunAsync(calls, seconds);
    return 0;
}

if (args.Length > 0 && args[0] == "repeats")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "1000000", CultureInfo.InvariantCulture);
    RepeatsBench.Run(Directory.GetCurrentDirectory(), calls);
    return 0;
}

if (args.Length > 0 && args[0] == "pipeline")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "100000", CultureInfo.InvariantCulture);
    var demoCalls = int.Parse(args.SkipWhile(a => a != "--demo-calls").Skip(1).FirstOrDefault() ?? "300", CultureInfo.InvariantCulture);
    PipelineEngineBench.Run(Directory.GetCurrentDirectory(), calls, demoCalls);
    return 0;
}

if (args.Length > 0 && args[0] == "rules")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "5000", CultureInfo.InvariantCulture);
    RulesBench.Run(Directory.GetCurrentDirectory(), calls);
    return 0;
}

string? pg = null;
var jobs = 10_000;
var idleSeconds = 60;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--pg": pg = args[++i]; break;
        case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--idle-seconds": idleSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (args.Length == 0 || args[0] != "jobs")
{
    Console.Error.WriteLine("usage: SpeechQa.Bench jobs [--pg <connection string>] [--jobs N] [--idle-seconds S]");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("speechqa-bench-").FullName;
// One engine after the other, so neither steals the other's cores.
var results = new List<JobEngineBench.Result> { await new JobEngineBench("SQLite (WAL)", Path.Combine(folder, "bench.db")).RunAsync(jobs, TimeSpan.FromSeconds(idleSeconds)) };
if (pg is not null)
    results.Add(await new JobEngineBench("PostgreSQL", pg).RunAsync(jobs, TimeSpan.FromSeconds(idleSeconds)));
Directory.Delete(folder, recursive: true);

Console.WriteLine($"Job engine, {jobs} no-op jobs (+{jobs / 5} enqueued one at a time), 4 workers, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"store",-30} {"enqueue 1/tx",14} {"enqueue 500/tx",15} {"dequeue+ack",12} {"idle queries/min",17}");
foreach (var r in results)
    Console.WriteLine($"{r.Store,-30} {r.EnqueueSingle,10:0} j/s {r.EnqueueBatched,11:0} j/s {r.Dequeue,8:0} j/s {r.IdleQueriesPerMinute,17:0.0}");
// Reference: Hangfire (not in the package registry, so it cannot run here); its documented defaults give the idle load of
// Hangfire.PostgreSql: every worker polls its queue each QueuePollInterval (15 s), plus a server heartbeat every 30 s.
const int referenceWorkers = 4;
Console.WriteLine($"{"reference: Hangfire.PostgreSql",-30} {"n/a",14} {"n/a",15} {"n/a",12} {referenceWorkers * 60 / 15 + 2,17:0.0}   (documented defaults, 4 workers; not run here)");
return 0;
