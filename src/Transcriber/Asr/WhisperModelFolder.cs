using System.Text.Json;

namespace SpeechQa.Transcriber.Asr;

/// <summary>
/// A Whisper model exported in Hugging Face optimum's ONNX layout: config.json, generation_config.json, the
/// tokenizer files, and encoder_model / decoder_model_merged (or decoder_model + decoder_with_past_model)
/// .onnx files at the root or in onnx/, in a chosen variant ("" for fp32, "_quantized", "_int8", "_fp16"…).
/// Loading reads the JSON and checks that the files exist; the ONNX sessions are opened by the model itself.
/// </summary>
public sealed record WhisperModelFolder
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public required int MelBins { get; init; }
    public required int ModelDimension { get; init; }
    public required int DecoderLayers { get; init; }
    public required int DecoderHeads { get; init; }
    public required int VocabularySize { get; init; }
    public required int MaxTargetPositions { get; init; }
    public required IReadOnlyList<int> SuppressTokens { get; init; }
    public required string EncoderFile { get; init; }

    /// <summary>The merged decoder; null when the export has separate decoder and decoder-with-past files.</summary>
    public string? MergedDecoderFile { get; init; }
    public string? DecoderFile { get; init; }
    public string? DecoderWithPastFile { get; init; }

    /// <summary>What a transcript's <c>source</c> says, e.g. "whisper-small_quantized@onnx".</summary>
    public string Source => $"{Name}@onnx";

    public static WhisperModelFolder Load(string folder, string variant = "")
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Whisper model folder {folder} does not exist");
        using var config = ReadJson(folder, "config.json");
        using var generation = ReadJson(folder, "generation_config.json");
        var root = config.RootElement;
        if (root.TryGetProperty("model_type", out var type) && type.GetString() != "whisper")
            throw new InvalidDataException($"{folder}/config.json describes a '{type.GetString()}' model, not whisper");

        string? Find(string stem)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(folder, "onnx", stem + variant + ".onnx"), System.IO.Path.Combine(folder, stem + variant + ".onnx") })
            {
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }
        var encoder = Find("encoder_model");
        var merged = Find("decoder_model_merged");
        var decoder = Find("decoder_model");
        var withPast = Find("decoder_with_past_model");
        if (encoder is null || (merged is null && (decoder is null || withPast is null)))
        {
            throw new FileNotFoundException(
                $"{folder} lacks the Whisper ONNX files for variant '{(variant.Length == 0 ? "fp32" : variant)}': need encoder_model{variant}.onnx and " +
                $"decoder_model_merged{variant}.onnx (or decoder_model{variant}.onnx + decoder_with_past_model{variant}.onnx), at the root or in onnx/");
        }

        var suppress = generation.RootElement.TryGetProperty("suppress_tokens", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetInt32()).ToList()
            : [];
        return new WhisperModelFolder
        {
            Path = folder,
            Name = new DirectoryInfo(folder).Name + variant,
            MelBins = Required(root, "num_mel_bins", folder),
            ModelDimension = Required(root, "d_model", folder),
            DecoderLayers = Required(root, "decoder_layers", folder),
            DecoderHeads = Required(root, "decoder_attention_heads", folder),
            VocabularySize = Required(root, "vocab_size", folder),
            MaxTargetPositions = root.TryGetProperty("max_target_positions", out var max) ? max.GetInt32() : 448,
            SuppressTokens = suppress,
            EncoderFile = encoder,
            MergedDecoderFile = merged,
            DecoderFile = merged is null ? decoder : null,
            DecoderWithPastFile = merged is null ? withPast : null,
        };
    }

    private static JsonDocument ReadJson(string folder, string name)
    {
        var path = System.IO.Path.Combine(folder, name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Whisper model folder {folder} has no {name}", path);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static int Required(JsonElement root, string name, string folder) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new InvalidDataException($"{folder}/config.json: '{name}' is missing or not a positive number");
}
