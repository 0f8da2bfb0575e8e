using System.Text;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>The ggml header check that stands between a bad model file and whisper.cpp aborting the worker.</summary>
public sealed class GgmlWhisperFileTests(GgmlTestModels models) : IClassFixture<GgmlTestModels>
{
    [Theory]
    [InlineData("f16", "f16")]
    [InlineData("q8_0", "q8_0")]
    [InlineData("q5_0", "q5_0")]
    public void Reads_usable_files_with_their_shape_and_vocabulary(string type, string name)
    {
        var file = GgmlWhisperFile.Read(models.Model(type));

        Assert.Equal(name, GgmlFileType.Name(file.FileType));
        Assert.Equal(51865, file.VocabularySize);
        Assert.Equal(50257, file.EndOfText);
        Assert.Equal(50257, file.Vocabulary.Count);
        Assert.Equal(2, file.AudioLayers);
        Assert.Equal(80, file.MelBins);
        Assert.Equal(11 + 15 * 2 + 24 * 2, file.TensorCount);
        // The real byte-level vocabulary: every single byte is a token, and common Chinese words are whole tokens.
        Assert.Equal(256, file.Vocabulary.Count(v => v.Length == 1));
        Assert.Contains(file.Vocabulary, v => Encoding.UTF8.GetString(v) == "我们");
    }

    [Fact]
    public void Refuses_f32_weights_before_whisper_cpp_can_abort_the_process()
    {
        var e = Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.F32));
        Assert.Contains(models.F32, e.Message, StringComparison.Ordinal);
        Assert.Contains("f32 weights: whisper.cpp aborts the whole process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_truncated_file_naming_the_tensor_that_is_cut()
    {
        var e = Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.Truncated));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains(models.Truncated, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_foreign_files_folders_and_missing_files_with_the_reason()
    {
        Assert.Contains("not a whisper.cpp ggml model", Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.NotAModel)).Message, StringComparison.Ordinal);
        Assert.Contains("GGUF", Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.Gguf)).Message, StringComparison.Ordinal);
        Assert.Contains("this is a folder", Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.Root)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(models.Root + "/nope.bin")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_convolution_stored_in_f32_inside_an_f16_file()
    {
        // Rewrite the f32 file's header to claim f16: the tensors still say f32, which would abort whisper.cpp the same way.
        var bytes = File.ReadAllBytes(models.F32);
        BitConverter.GetBytes(1).CopyTo(bytes, 4 + 10 * 4);
        var path = Path.Combine(models.Root, "mislabelled.bin");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<WhisperModelException>(() => GgmlWhisperFile.Read(path));
        Assert.Contains("conv", e.Message, StringComparison.Ordinal);
        Assert.Contains("aborts the process", e.Message, StringComparison.Ordinal);
    }
}
