using SpeechQa.Tests.Infrastructure;
using System.Diagnostics;
using System.Text.Json;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>The tokenizer on the real Whisper vocabulary, against an independent tiktoken-style reference.</summary>
public sealed class WhisperTokenizerTests
{
    private static readonly string Shared = TestPaths.Shared;
    private static readonly string TokenizerFolder = Path.Combine(Shared, "data/whisper-tokenizer");
    private static readonly WhisperTokenizer Tokenizer = WhisperTokenizer.Load(TokenizerFolder);

    private static readonly string[] Corpus =
    [
        "您好，供水服务热线，工号1017，请问有什么可以帮您？",
        "我家从早上开始就没水了，户号是1002317。",
        "阶梯水价第一阶梯3.45元/吨，第二阶梯4.83元/吨。",
        "二次供水的水箱归物业管，爆管抢修30分钟内出发。",
        "暖气不热，室温只有16℃，换热站那边说阀门坏了。",
        "OK的，我们today下午两点 会派 师傅过去   看一下。",
        "喂喂？你好！！听得到吗……  ",
        "It's the customer's account, they'll call back; we've noted it.",
        "\t缩进 和\r\u3000换行  末尾", // line breaks other than \n: the reference reads one line per \n
        "表情😀也要能处理，还有全角ＡＢＣ１２３。",
        "",
    ];

    [Fact]
    public void Encode_MatchesTheTiktokenReference_OnChineseHotlineText()
    {
        var expected = Reference(Corpus);
        for (var i = 0; i < Corpus.Length; i++)
            Assert.Equal(expected[i], Tokenizer.Encode(Corpus[i]));
    }

    [Fact]
    public void Decode_RoundTripsEveryLine()
    {
        foreach (var line in Corpus)
            Assert.Equal(line, Tokenizer.Decode(Tokenizer.Encode(line)));
    }

    [Fact]
    public void SpecialTokens_MatchGenerationConfig()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(TokenizerFolder, "generation_config.json")));
        var root = config.RootElement;

        Assert.Equal(root.GetProperty("decoder_start_token_id").GetInt32(), Tokenizer.SpecialTokenId(WhisperTokenizer.StartOfTranscript));
        Assert.Equal(root.GetProperty("eos_token_id").GetInt32(), Tokenizer.EndOfTextId);
        Assert.Equal(root.GetProperty("no_timestamps_token_id").GetInt32(), Tokenizer.SpecialTokenId(WhisperTokenizer.NoTimestamps));
        Assert.Equal(root.GetProperty("task_to_id").GetProperty("transcribe").GetInt32(), Tokenizer.SpecialTokenId(WhisperTokenizer.Transcribe));
        Assert.Equal(root.GetProperty("lang_to_id").GetProperty("<|zh|>").GetInt32(), Tokenizer.LanguageTokenId("zh"));
        Assert.Equal(root.GetProperty("no_timestamps_token_id").GetInt32() + 1, Tokenizer.TimestampBegin);
        Assert.Equal(51864, Tokenizer.TimestampTokenId(30.0)); // the last id of the 51865-token vocabulary
        Assert.Equal("<|startoftranscript|><|zh|><|transcribe|><|1.50|>您好<|endoftext|>",
            Tokenizer.Decode([50258, 50260, 50359, Tokenizer.TimestampTokenId(1.5), .. Tokenizer.Encode("您好"), 50257], skipSpecial: false));
        Assert.Equal("您好", Tokenizer.Decode([50258, 50260, .. Tokenizer.Encode("您好"), 50257]));
    }

    private static List<int[]> Reference(string[] lines)
    {
        var script = Path.Combine(TestPaths.Models, "whisper_bpe_reference.py");
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(Path.Combine(Shared, "data/whisper-assets/multilingual.tiktoken"));
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        process.StandardInput.Write(string.Join('\n', lines));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd().Split('\n').Take(lines.Length).ToArray(); // one printed line per input line
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()).ToList();
    }
}
