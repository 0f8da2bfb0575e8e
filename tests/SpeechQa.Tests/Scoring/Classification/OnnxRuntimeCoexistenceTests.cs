using SpeechQa.OnnxRuntime;
using SpeechQa.OnnxRuntime.Format;
using SpeechQa.Scoring.Classification;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>
/// The classifiers use Microsoft's ONNX Runtime package (1.32) while the Whisper side still loads 1.23 through the
/// project's own binding: one process (the worker, this test run) holds both native libraries, and each keeps working
/// after the other has run.
/// </summary>
public sealed class OnnxRuntimeCoexistenceTests
{
    [Fact]
    public void The_projects_binding_and_the_nuget_package_run_side_by_side()
    {
        using var own = OrtRuntime.Load();
        var folder = Directory.CreateTempSubdirectory("speechqa-ort-").FullName;
        try
        {
            var identity = Path.Combine(folder, "identity.onnx");
            File.WriteAllBytes(identity, new OnnxModelBuilder("g").Input("x", TensorElementType.Float, 2).Output("y", TensorElementType.Float, 2).Node("Identity", ["x"], ["y"]).Build());
            using var session = own.OpenSession(identity);
            float[] RunOwn() => session.Run(new Dictionary<string, OrtTensor> { ["x"] = OrtTensor.Float([1.5f, -2f], 2) }, ["y"], CancellationToken.None)["y"].As<float>();

            Assert.Equal([1.5f, -2f], RunOwn());
            using var classifier = OnnxTextClassifier.Load(Path.Combine(TestPaths.Repository, "models/category.onnx"), new ClassifierTokens(Words));
            var p = classifier.Predict(["我家停水了，什么时候来水"], CancellationToken.None)[0];
            Assert.Equal(1.0, p.Sum(), 4);
            Assert.Equal([1.5f, -2f], RunOwn());
            Assert.Equal("1.23.0", own.Version);
            Assert.Equal("1.32.0", Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
