namespace SpeechQa.OnnxRuntime;

/// <summary>An error reported by ONNX Runtime, with its code and its own message.</summary>
public sealed class OnnxRuntimeException(OrtErrorCode code, string message) : Exception($"ONNX Runtime {code}: {message}")
{
    public OrtErrorCode Code { get; } = code;
}
