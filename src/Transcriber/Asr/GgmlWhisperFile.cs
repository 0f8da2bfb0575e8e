using System.Text;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// A whisper.cpp ggml model file, read and checked before whisper.cpp loads it. whisper.cpp kills the whole
/// process on some files it accepts at load time (f32 convolution weights hit a GGML_ASSERT), so every worker's
/// safety depends on refusing them here, with a reason an admin can act on. Walking the tensor table also finds
/// truncated and foreign files. The vocabulary's bytes are kept: whisper.cpp hands token texts over as strings,
/// and a Chinese character split across two tokens can only be put together again from the bytes.
/// </summary>
public sealed class GgmlWhisperFile
{
    private const uint Magic = 0x67676D6C; // "ggml", little-endian
    private const uint GgufMagic = 0x46554747; // "GGUF"

    private GgmlWhisperFile(string path, int[] hyperParameters, int fileType, IReadOnlyList<byte[]> vocabulary, int tensorCount)
    {
        Path = path;
        VocabularySize = hyperParameters[0];
        AudioLayers = hyperParameters[4];
        TextLayers = hyperParameters[8];
        Width = hyperParameters[2];
        MelBins = hyperParameters[9];
        FileType = fileType;
        Vocabulary = vocabulary;
        TensorCount = tensorCount;
    }

    public string Path { get; }
    public int VocabularySize { get; }
    public int AudioLayers { get; }
    public int TextLayers { get; }
    public int Width { get; }
    public int MelBins { get; }

    /// <summary>The weight format (ftype modulo the quantisation version), see <see cref="GgmlFileType"/>.</summary>
    public int FileType { get; }

    public int TensorCount { get; }

    /// <summary>The bytes of each ordinary token, by id; ids from <see cref="EndOfText"/> on are special.</summary>
    public IReadOnlyList<byte[]> Vocabulary { get; }

    /// <summary>The end-of-text token: the first special id (whisper.cpp: 50257 multilingual, 50256 English-only).</summary>
    public int EndOfText => VocabularySize >= 51865 ? 50257 : 50256;

    /// <summary>The model's size name as whisper.cpp reports it, from its layer count.</summary>
    public string SizeName => AudioLayers switch { 4 => "tiny", 6 => "base", 12 => "small", 24 => "medium", 32 => "large", _ => $"{AudioLayers}-layer" };

    public string Describe() => $"{System.IO.Path.GetFileName(Path)} ({SizeName}, {GgmlFileType.Name(FileType)}, {VocabularySize} tokens)";

    /// <summary>Reads and checks the file; throws <see cref="WhisperModelException"/> naming the file and the problem.</summary>
    public static GgmlWhisperFile Read(string path)
    {
        if (!File.Exists(path))
            throw Refuse(path, Directory.Exists(path)
                ? "这是文件夹，需要 whisper.cpp 的 ggml 模型文件 / this is a folder; a whisper.cpp ggml model file (ggml-small.bin …) is expected"
                : "文件不存在 / the file does not exist");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            return ReadFrom(path, stream, reader);
        }
        catch (EndOfStreamException)
        {
            throw Refuse(path, "文件被截断 / the file is truncated (it ends inside its header or vocabulary)");
        }
        catch (IOException e)
        {
            throw Refuse(path, $"无法读取 / cannot be read: {e.Message}");
        }
    }

    private static GgmlWhisperFile ReadFrom(string path, FileStream stream, BinaryReader reader)
    {
        var magic = reader.ReadUInt32();
        if (magic == GgufMagic)
            throw Refuse(path, "这是 GGUF 文件，whisper.cpp 需要 ggml 格式 / this is a GGUF file; whisper.cpp reads its own ggml format (ggml-*.bin)");
        if (magic != Magic)
            throw Refuse(path, $"不是 whisper.cpp 的 ggml 模型 / not a whisper.cpp ggml model (magic 0x{magic:x8}, expected 0x{Magic:x8})");

        // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
        var h = new int[11];
        for (var i = 0; i < h.Length; i++)
            h[i] = reader.ReadInt32();
        if (h[..10].Any(v => v <= 0) || h[2] % h[3] != 0 || h[6] % h[7] != 0 || h[0] < 50000 || h[9] is not (80 or 128))
            throw Refuse(path, $"文件头参数不合理 / implausible header ({string.Join(", ", h[..10])})");
        var fileType = h[10] % GgmlFileType.QuantisationVersionFactor;
        if (!GgmlFileType.IsKnown(fileType))
            throw Refuse(path, $"未知的权重格式 / unknown weight format ({GgmlFileType.Name(fileType)})");
        if (fileType == GgmlTensorType.F32)
            throw Refuse(path, "f32 权重的模型会让 whisper.cpp 直接终止进程，请改用 f16 或量化（q5_0/q8_0）文件 / f32 weights: whisper.cpp aborts the whole process on them (GGML_ASSERT in its f16 convolution); use an f16 or quantised (q5_0, q8_0) file");

        var melBins = reader.ReadInt32();
        var fftBins = reader.ReadInt32();
        if (melBins != h[9] || fftBins <= 0 || fftBins > 4096)
            throw Refuse(path, $"梅尔滤波器尺寸不对 / mel filters of {melBins}×{fftBins} do not fit the header's {h[9]} bins");
        stream.Seek(4L * melBins * fftBins, SeekOrigin.Current);

        var words = reader.ReadInt32();
        if (words <= 0 || words > h[0])
            throw Refuse(path, $"词表大小不对 / vocabulary of {words} words for {h[0]} tokens");
        var vocabulary = new byte[words][];
        for (var i = 0; i < words; i++)
        {
            var length = reader.ReadInt32();
            if (length is < 0 or > 1024)
                throw Refuse(path, $"词表第 {i} 项损坏 / vocabulary entry {i} is damaged (length {length})");
            vocabulary[i] = reader.ReadBytes(length);
            if (vocabulary[i].Length != length)
                throw new EndOfStreamException();
        }

        var tensors = ReadTensorTable(path, stream, reader);
        var expected = 11 + 15 * h[4] + 24 * h[8];
        if (tensors != expected)
            throw Refuse(path, $"张量数量不对 / {tensors} tensors, a Whisper model of {h[4]}+{h[8]} layers has {expected}");
        return new GgmlWhisperFile(path, h, fileType, vocabulary, tensors);
    }

    /// <summary>Walks every tensor's header and skips its data; returns how many there are.</summary>
    private static int ReadTensorTable(string path, FileStream stream, BinaryReader reader)
    {
        var count = 0;
        while (stream.Position < stream.Length)
        {
            var at = stream.Position;
            if (stream.Length - at < 12)
                throw Refuse(path, $"文件被截断 / the file is truncated (a partial tensor header at byte {at})");
            var dims = reader.ReadInt32();
            var nameLength = reader.ReadInt32();
            var type = reader.ReadInt32();
            if (dims is < 1 or > 4 || nameLength is < 1 or > 256)
                throw Refuse(path, $"张量表损坏 / the tensor table is damaged at byte {at}");
            long values = 1;
            for (var d = 0; d < dims; d++)
            {
                var size = reader.ReadInt32();
                if (size <= 0)
                    throw Refuse(path, $"张量表损坏 / the tensor table is damaged at byte {at}");
                values *= size;
            }
            var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength));
            if (!GgmlTensorType.IsKnown(type))
                throw Refuse(path, $"张量 {name} 的类型未知 / tensor {name} has an unknown type ({type})");
            if (name.Contains("conv", StringComparison.Ordinal) && name.EndsWith(".weight", StringComparison.Ordinal) && type != GgmlTensorType.F16)
                throw Refuse(path, $"张量 {name} 不是 f16，whisper.cpp 会终止进程 / tensor {name} is {GgmlTensorType.Name(type)}: whisper.cpp's convolution needs f16 and aborts the process otherwise");
            var bytes = GgmlTensorType.Bytes(type, values)
                ?? throw Refuse(path, $"张量 {name} 的尺寸与 {GgmlTensorType.Name(type)} 分块不符 / tensor {name}'s size does not fill whole {GgmlTensorType.Name(type)} blocks");
            if (stream.Position + bytes > stream.Length)
                throw Refuse(path, $"文件被截断 / the file is truncated: tensor {name} needs {bytes} bytes, {stream.Length - stream.Position} remain");
            stream.Seek(bytes, SeekOrigin.Current);
            count++;
        }
        return count;
    }

    private static WhisperModelException Refuse(string path, string reason) =>
        new($"语音识别模型不可用 / the Whisper model {path} cannot be used: {reason}");
}
