using System.Diagnostics;
using SpeechQa.OnnxRuntime;

namespace SpeechQa.Tests.OnnxRuntime;

/// <summary>Process memory is only meaningful while no other test allocates: this collection runs alone.</summary>
[CollectionDefinition(nameof(OrtMemoryTests), DisableParallelization = true)]
public sealed class OrtMemoryCollection : ICollectionFixture<OrtModels>;

[Collection(nameof(OrtMemoryTests))]
public sealed class OrtMemoryTests(OrtModels models)
{
    [Fact]
    public void Run_TenThousandTimes_KeepsNativeMemoryFlat()
    {
        using var session = models.Runtime.OpenSession(models.PathOf("arith.onnx"));
        var inputs = InferenceSessionTests.ArithInputs();
        for (var i = 0; i < 1000; i++)
            session.Run(inputs, null, CancellationToken.None);
        GC.Collect();
        var before = Process.GetCurrentProcess().PrivateMemorySize64;

        for (var i = 0; i < 10_000; i++)
            session.Run(inputs, null, CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = Process.GetCurrentProcess().PrivateMemorySize64 - before;

        Assert.True(growth < 16 * 1024 * 1024, $"private memory grew by {growth / 1024} KB over 10,000 runs");
    }
}
