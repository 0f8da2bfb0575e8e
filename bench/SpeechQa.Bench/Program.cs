// Usage: SpeechQa.Bench whisper [--sizes tiny,base,small] [--steps N] [--tokens N]
//        SpeechQa.Bench segment [--corpus FILE] [--passes N]
//        SpeechQa.Bench rules [--calls N]
//        SpeechQa.Bench hangfire-storage [--jobs N]
//        SpeechQa.Bench pipeline [--calls N] [--demo-calls N] [--pg <connection string>]
//        SpeechQa.Bench classifier [--examples N]
//        SpeechQa.Bench search [--calls N] [--pg <connection string>]
// Each prints its figures beside the reference it is compared with (scripts/bench.sh says which).
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
    PipelineEngineBench.Run(Directory.GetCurrentDirectory(), calls, demoCalls, args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault());
    return 0;
}

if (args.Length > 0 && args[0] == "hangfire-storage")
{
    var jobs = int.Parse(args.SkipWhile(a => a != "--jobs").Skip(1).FirstOrDefault() ?? "500", CultureInfo.InvariantCulture);
    HangfireStorageBench.Run(jobs, kills: 5);
    return 0;
}

if (args.Length > 0 && args[0] == "hangfire-storage-worker")
{
    HangfireStorageBench.Work(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length > 0 && args[0] == "rules")
{
    var calls = int.Parse(args.SkipWhile(a => a != "--calls").Skip(1).FirstOrDefault() ?? "5000", CultureInfo.InvariantCulture);
    RulesBench.Run(Directory.GetCurrentDirectory(), calls);
    return 0;
}

Console.Error.WriteLine("usage: SpeechQa.Bench whisper|segment|search|classifier|portal|repeats|pipeline|rules [options] (see scripts/bench.sh)");
return 2;
