namespace SpeechQa.OnnxRuntime;

/// <summary>A model input or output as the model declares it; symbolic dimensions are -1.</summary>
public sealed record TensorInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape);
