using SpeechQa.Tests.Infrastructure;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

public sealed class WhisperModelFolderTests : IDisposable
{
    private static readonly string Tokenizer = TestPaths.WhisperTokenizer;
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("speechqa-whisper-").FullName, "whisper-tiny");

    public WhisperModelFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "onnx"));
        foreach (var file in Directory.EnumerateFiles(Tokenizer))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    [Fact]
    public void Load_ReadsTheArchitecture_AndPrefersTheMergedDecoderOfTheChosenVariant()
    {
        foreach (var name in new[] { "encoder_model.onnx", "encoder_model_quantized.onnx", "decoder_model_merged_quantized.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx" })
            File.WriteAllBytes(Path.Combine(_folder, "onnx", name), [0]);

        var quantized = WhisperModelFolder.Load(_folder, "_quantized");
        var fp32 = WhisperModelFolder.Load(_folder);

        Assert.Equal((80, 384, 4, 6, 51865), (quantized.MelBins, quantized.ModelDimension, quantized.DecoderLayers, quantized.DecoderHeads, quantized.VocabularySize));
        Assert.EndsWith("onnx/decoder_model_merged_quantized.onnx", quantized.MergedDecoderFile);
        Assert.Equal("whisper-tiny_quantized@onnx", quantized.Source);
        Assert.Null(fp32.MergedDecoderFile);
        Assert.EndsWith("decoder_with_past_model.onnx", fp32.DecoderWithPastFile);
        using var generation = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Tokenizer, "generation_config.json")));
        Assert.Equal(generation.RootElement.GetProperty("suppress_tokens").EnumerateArray().Select(e => e.GetInt32()), fp32.SuppressTokens);
        Assert.NotEmpty(fp32.SuppressTokens);
    }

    [Fact]
    public void Load_SaysWhichFilesAreMissing()
    {
        File.WriteAllBytes(Path.Combine(_folder, "encoder_model.onnx"), [0]);
        var error = Assert.Throws<FileNotFoundException>(() => WhisperModelFolder.Load(_folder));
        Assert.Contains("decoder_model_merged.onnx", error.Message);
        File.Delete(Path.Combine(_folder, "config.json"));
        Assert.Contains("has no config.json", Assert.Throws<FileNotFoundException>(() => WhisperModelFolder.Load(_folder)).Message);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
}
