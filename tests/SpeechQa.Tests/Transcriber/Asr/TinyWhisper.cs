using SpeechQa.OnnxRuntime;
using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>
/// A tiny Whisper-architecture model with deterministic random weights, built by tests/models/make_tiny_whisper.py
/// (python3-onnx) in the optimum layout, with its int8 "_quantized" variant, with the real tokenizer, run through the real ONNX Runtime.
/// </summary>
public sealed class TinyWhisper : IDisposable
{
    public TinyWhisper()
    {
        Root = Directory.CreateTempSubdirectory("speechqa-tiny-whisper-").FullName;
        var folder = Path.Combine(Root, "tiny-random-whisper");
        var models = TestPaths.Models;
        var tokenizer = TestPaths.WhisperTokenizer;
        Tool.Run("/usr/bin/python3", Path.Combine(models, "make_tiny_whisper.py"), tokenizer, folder);
        Tool.Run("/usr/bin/python3", Path.Combine(models, "quantize_dynamic.py"), folder); // the "_quantized" int8 variant
        Runtime = OrtRuntime.Load();
        Folder = WhisperModelFolder.Load(folder);
        Model = new WhisperOnnxModel(Runtime, Folder, new SessionSettings { IntraOpThreads = 1 });
        Tokenizer = WhisperTokenizer.Load(folder);
    }

    public string Root { get; }
    public OrtRuntime Runtime { get; }
    public WhisperModelFolder Folder { get; }
    public WhisperOnnxModel Model { get; }
    public WhisperTokenizer Tokenizer { get; }

    public void Dispose()
    {
        Model.Dispose();
        Runtime.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
