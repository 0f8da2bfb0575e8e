namespace SpeechQa.Scoring.Classification.OnnxFormat;

/// <summary>ONNX TensorProto.DataType values the classifier graphs declare.</summary>
public enum TensorElementType
{
    Undefined = 0, Float = 1, UInt8 = 2, Int8 = 3, Int32 = 6, Int64 = 7, String = 8, Bool = 9, Float16 = 10, Double = 11,
}
