namespace SpeechQa.Transcriber.Asr;

/// <summary>The weight format a whisper.cpp ggml file declares in its header (its "ftype").</summary>
public static class GgmlFileType
{
    /// <summary>whisper.cpp stores the quantisation version as ftype / 1000 (GGML_QNT_VERSION_FACTOR).</summary>
    public const int QuantisationVersionFactor = 1000;

    private static readonly Dictionary<int, string> Names = new()
    {
        [0] = "f32", [1] = "f16", [2] = "q4_0", [3] = "q4_1", [7] = "q8_0", [8] = "q5_0", [9] = "q5_1",
    };

    public static bool IsKnown(int fileType) => Names.ContainsKey(fileType);

    public static string Name(int fileType) => Names.TryGetValue(fileType, out var name) ? name : $"ftype {fileType}";
}
