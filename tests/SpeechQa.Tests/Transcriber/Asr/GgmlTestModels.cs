using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>
/// Small Whisper models with deterministic random weights in whisper.cpp's ggml format, written by
/// tests/models/make_ggml_whisper.py from the vendored vocabulary and mel filters (tests/models/whisper-assets),
/// in every weight format the tests need, plus damaged copies. Nothing is read from outside the checkout.
/// </summary>
public sealed class GgmlTestModels : IDisposable
{
    public GgmlTestModels()
    {
        Root = Directory.CreateTempSubdirectory("speechqa-ggml-").FullName;
        foreach (var type in new[] { "f16", "q8_0", "q5_0", "f32" })
            Tool.Run("/usr/bin/python3", System.IO.Path.Combine(TestPaths.Models, "make_ggml_whisper.py"), Model(type), "--type", type);
        var f16 = File.ReadAllBytes(F16);
        File.WriteAllBytes(Truncated, f16[..(f16.Length * 2 / 3)]);
        File.WriteAllBytes(NotAModel, "这不是模型文件，只是一段文字。"u8.ToArray());
        File.WriteAllBytes(Gguf, [.. "GGUF"u8, 3, 0, 0, 0, .. new byte[64]]);
    }

    public string Root { get; }
    public string F16 => Model("f16");
    public string Q8 => Model("q8_0");
    public string Q5 => Model("q5_0");
    public string F32 => Model("f32");
    public string Truncated => Path.Combine(Root, "ggml-truncated.bin");
    public string NotAModel => Path.Combine(Root, "notes.bin");
    public string Gguf => Path.Combine(Root, "model.gguf");

    public string Model(string type) => Path.Combine(Root, $"ggml-test-{type}.bin");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
