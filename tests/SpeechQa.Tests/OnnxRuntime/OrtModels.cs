using SpeechQa.OnnxRuntime;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.OnnxRuntime;

/// <summary>
/// Shared by the ONNX Runtime tests: the real native library (installed by scripts/setup.sh) and tiny models
/// built by tests/models/make_ort_test_models.py with python3-onnx, whose checker accepts them.
/// </summary>
public sealed class OrtModels : IDisposable
{
    public OrtModels()
    {
        Folder = Directory.CreateTempSubdirectory("speechqa-ort-").FullName;
        var script = Path.Combine(TestPaths.Models, "make_ort_test_models.py");
        Tool.Run("/usr/bin/python3", script, Folder);
        Runtime = OrtRuntime.Load();
    }

    public string Folder { get; }

    public OrtRuntime Runtime { get; }

    public string PathOf(string model) => Path.Combine(Folder, model);

    public void Dispose()
    {
        Runtime.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
