namespace SpeechQa.Tests.Infrastructure;

/// <summary>
/// Tests that keep both cores busy for seconds (every labelled call scored clean and noisy, models retrained with
/// ML.NET) run on their own after the parallel part of the suite: beside them, timing tests such as the job engine's
/// lease renewal (2 s leases, 300 ms heartbeats) starve and fail for reasons that are not theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuHeavyCollection
{
    public const string Name = "cpu-heavy";
}
