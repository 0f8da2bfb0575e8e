using System.Text;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Tests.Transcriber.Asr;

/// <summary>Byte-level tokens back to whole Chinese characters with their times.</summary>
public sealed class TokenWordsTests(GgmlTestModels models) : IClassFixture<GgmlTestModels>
{
    [Fact]
    public void A_character_split_over_byte_tokens_becomes_one_word_spanning_their_times()
    {
        var file = GgmlWhisperFile.Read(models.F16);
        int Id(params byte[] bytes) => file.Vocabulary.Select((v, i) => (v, i)).First(x => x.v.AsSpan().SequenceEqual(bytes)).i;
        var ni = Encoding.UTF8.GetBytes("你");           // E4 BD A0: three single-byte tokens
        var women = Id(Encoding.UTF8.GetBytes("我们"));  // a whole-word token
        var words = new TokenWords(file);
        TokenWords.Token[] tokens =
        [
            new(file.EndOfText + 1, 0, 0, 1f),           // a special token (language, timestamps…) is not text
            new(Id(ni[0]), 10, 20, 0.5f), new(Id(ni[1]), 20, 30, 0.7f), new(Id(ni[2]), 30, 45, 0.9f),
            new(women, 50, 80, 0.8f),
        ];
        var window = new SpeechWindow(12, 20);

        Assert.Equal("你我们", words.Text(tokens));
        var timed = words.Words(tokens, window);
        Assert.Equal(["你", "我们"], timed.Select(w => w.Text));
        Assert.Equal((12.1, 12.45), (timed[0].Start, timed[0].End));
        Assert.Equal(0.7, timed[0].Probability, 4);
        Assert.Equal((12.5, 12.8), (timed[1].Start, timed[1].End));
    }
}
