namespace SpeechQa.OnnxRuntime;

/// <summary>ONNXTensorElementDataType values this binding moves in and out of ONNX Runtime.</summary>
public enum TensorElementType
{
    Undefined = 0, Float = 1, UInt8 = 2, Int8 = 3, Int32 = 6, Int64 = 7, String = 8, Bool = 9, Float16 = 10, Double = 11,
}
