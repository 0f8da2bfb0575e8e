namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// The ggml tensor types a Whisper file may hold, with their block layout (values per block, bytes per block),
/// so the file can be walked and checked before whisper.cpp sees it.
/// </summary>
public static class GgmlTensorType
{
    public const int F32 = 0;
    public const int F16 = 1;

    private static readonly Dictionary<int, (string Name, int BlockValues, int BlockBytes)> Layouts = new()
    {
        [0] = ("f32", 1, 4),
        [1] = ("f16", 1, 2),
        [2] = ("q4_0", 32, 18),
        [3] = ("q4_1", 32, 20),
        [6] = ("q5_0", 32, 22),
        [7] = ("q5_1", 32, 24),
        [8] = ("q8_0", 32, 34),
    };

    public static bool IsKnown(int type) => Layouts.ContainsKey(type);

    public static string Name(int type) => Layouts.TryGetValue(type, out var layout) ? layout.Name : $"type {type}";

    /// <summary>Bytes of a tensor with this many values, or null when the count does not fill whole blocks.</summary>
    public static long? Bytes(int type, long values)
    {
        var (_, blockValues, blockBytes) = Layouts[type];
        return values % blockValues == 0 ? values / blockValues * blockBytes : null;
    }
}
