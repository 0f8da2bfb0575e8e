namespace SpeechQa.Scoring.Classification;

/// <summary>A classifier model file that cannot be used: not ONNX, not a SpeechQa text classifier, or inconsistent. The message names the file and the problem.</summary>
public sealed class ClassifierModelException(string message, Exception? inner = null) : Exception(message, inner);
