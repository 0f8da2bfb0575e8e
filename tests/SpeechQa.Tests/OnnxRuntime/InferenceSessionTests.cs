using System.Diagnostics;
using SpeechQa.OnnxRuntime;

namespace SpeechQa.Tests.OnnxRuntime;

public sealed class InferenceSessionTests(OrtModels models) : IClassFixture<OrtModels>
{
    internal static Dictionary<string, OrtTensor> ArithInputs(int batch = 2) => new()
    {
        ["a"] = OrtTensor.Float([.. Enumerable.Range(0, batch * 3).Select(i => (float)i)], batch, 3),
        ["b"] = OrtTensor.Float([.. Enumerable.Repeat(0.5f, batch * 3)], batch, 3),
        ["ids"] = OrtTensor.Int64([1, -2, 3_000_000_000, 0], 4),
        ["mask"] = OrtTensor.Bool([true, false], 2),
        ["counts"] = OrtTensor.Int32([7, -3], 2),
        ["half"] = OrtTensor.Float16([(Half)1.5f, (Half)(-0.25f)], 2),
    };

    [Fact]
    public void Load_BindsTheRealLibrary()
    {
        Assert.Equal("1.23.0", models.Runtime.Version);
    }

    [Fact]
    public void Open_ReadsNamesTypesAndShapesFromTheModel()
    {
        using var session = models.Runtime.OpenSession(models.PathOf("arith.onnx"));

        Assert.Equal(["a", "b", "ids", "mask", "counts", "half"], session.Inputs.Select(i => i.Name));
        Assert.Equal([TensorElementType.Float, TensorElementType.Float, TensorElementType.Int64, TensorElementType.Bool, TensorElementType.Int32, TensorElementType.Float16],
            session.Inputs.Select(i => i.ElementType));
        Assert.Equal([-1L, 3L], session.Inputs[0].Shape); // symbolic "batch" comes back as -1
        Assert.Equal(["y", "ids_float", "inverted", "counts_doubled", "half_out"], session.Outputs.Select(o => o.Name));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    public void Run_ComputesEveryElementType(int batch, int threads)
    {
        using var session = models.Runtime.OpenSession(models.PathOf("arith.onnx"), new SessionSettings { IntraOpThreads = threads });

        var outputs = session.Run(ArithInputs(batch), null, CancellationToken.None);

        Assert.Equal([batch, 3L], outputs["y"].Shape);
        Assert.Equal(Enumerable.Range(0, batch * 3).Select(i => (i + 0.5f) * 2), outputs["y"].As<float>());
        Assert.Equal([1f, -2f, 3e9f, 0f], outputs["ids_float"].As<float>());
        Assert.Equal([false, true], outputs["inverted"].As<bool>());
        Assert.Equal([14, -6], outputs["counts_doubled"].As<int>());
        Assert.Equal([(Half)1.5f, (Half)(-0.25f)], outputs["half_out"].As<Half>());
    }

    [Fact]
    public void Run_ReturnsOnlyTheRequestedOutputs()
    {
        using var session = models.Runtime.OpenSession(models.PathOf("arith.onnx"));
        var outputs = session.Run(ArithInputs(), ["inverted"], CancellationToken.None);
        Assert.Equal(["inverted"], outputs.Keys);
    }

    [Fact]
    public void Errors_CarryOnnxRuntimesCodeAndMessage()
    {
        var garbage = Path.Combine(models.Folder, "garbage.onnx");
        File.WriteAllText(garbage, "not a model");
        using var session = models.Runtime.OpenSession(models.PathOf("arith.onnx"));
        var badShape = ArithInputs();
        badShape["a"] = OrtTensor.Float(new float[8], 2, 4);

        var missing = Assert.Throws<OnnxRuntimeException>(() => models.Runtime.OpenSession(models.PathOf("nope.onnx")));
        var corrupt = Assert.Throws<OnnxRuntimeException>(() => models.Runtime.OpenSession(garbage));
        var shape = Assert.Throws<OnnxRuntimeException>(() => session.Run(badShape, null, CancellationToken.None));

        Assert.Equal(OrtErrorCode.NoSuchFile, missing.Code);
        Assert.Equal(OrtErrorCode.InvalidProtobuf, corrupt.Code);
        Assert.Equal(OrtErrorCode.InvalidArgument, shape.Code);
        Assert.Contains("Got invalid dimensions for input: a", shape.Message); // ORT's own words
        Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OrtTensor> { ["zz"] = OrtTensor.Float([1f], 1) }, null, CancellationToken.None));
    }

    [Fact]
    public void Run_StopsABusyModel_WhenCancelled()
    {
        using var session = models.Runtime.OpenSession(models.PathOf("slow.onnx"), new SessionSettings { IntraOpThreads = 1 });
        var input = new Dictionary<string, OrtTensor> { ["x"] = OrtTensor.Float([.. Enumerable.Repeat(0.01f, 1024 * 1024)], 1024, 1024) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.Throws<OperationCanceledException>(() => session.Run(input, null, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed} to stop"); // the full run takes far longer
    }
}
