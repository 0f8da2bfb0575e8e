using System.Text;
using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Tests.Batch.Transcripts;

public sealed class TranscriptJsonTests
{
    private const string Sample = """
        {"call_id":"C1","language":"zh","source":"whisper-base@onnx","segments":[
          {"speaker":"agent","start":0.0,"end":3.2,"text":"您好，供水服务热线。","avg_logprob":-0.2,"channel":0},
          {"speaker":"customer","start":2.9,"end":7.1,"text":"我家没水了。","words":[{"text":"我家","start":2.9,"end":3.3,"prob":0.9}]}]}
        """;

    [Fact]
    public void WriteThenParse_RoundTripsEveryField_IncludingOptionalOnes()
    {
        var parsed = TranscriptJson.Parse(Encoding.UTF8.GetBytes(Sample));
        var again = TranscriptJson.Parse(TranscriptJson.ToUtf8Bytes(parsed));

        Assert.Equal(parsed.CallId, again.CallId);
        Assert.Equal(parsed.Source, again.Source);
        Assert.Equal(parsed.Segments, again.Segments);
        Assert.Contains("\"words\"", again.Segments[1].Extra);
        Assert.Contains("您好", Encoding.UTF8.GetString(TranscriptJson.ToUtf8Bytes(parsed))); // readable, not \u escaped
    }

    [Theory]
    [InlineData("[]", "top level must be a JSON object")]
    [InlineData("{\"segments\":[]}", "'call_id' is missing")]
    [InlineData("{\"call_id\":\"C\"}", "'segments' must be an array")]
    [InlineData("{\"call_id\":\"C\",\"segments\":[{\"speaker\":\"bot\",\"start\":0,\"end\":1,\"text\":\"\"}]}", "segments[0].speaker 'bot'")]
    [InlineData("{\"call_id\":\"C\",\"segments\":[{\"speaker\":\"agent\",\"start\":-1,\"end\":1,\"text\":\"\"}]}", "non-negative")]
    [InlineData("{\"call_id\":\"C\",\"segments\":[{\"speaker\":\"agent\",\"start\":\"0\",\"end\":1,\"text\":\"\"}]}", "'segments[0].start' is missing or not a number")]
    [InlineData("{\"call_id\":", "not valid JSON")]
    public void Parse_NamesWhatIsWrong(string json, string message)
    {
        Assert.Contains(message, Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(Encoding.UTF8.GetBytes(json))).Message);
    }

    [Fact]
    public void TimingMetrics_MeasureTalkSilenceOverlapAndRate()
    {
        var transcript = new Transcript("C", "zh", "imported",
        [
            new TranscriptSegment(Speaker.Agent, 0, 4, "您好，供水服务热线，请问有什么可以帮您？"), // 17 spoken chars
            new TranscriptSegment(Speaker.Customer, 3, 8, "我家没水了"),
            new TranscriptSegment(Speaker.Agent, 15, 19, "让您久等了，我查一下"),          // 9 chars, after 7 s of silence
            new TranscriptSegment(Speaker.Customer, 18.9, 20, "嗯"),                   // 0.1 s overlap: back-channel, not counted
        ]);

        var metrics = TimingMetrics.From(transcript);

        Assert.Equal(20, metrics.DurationSeconds);
        Assert.Equal(8, metrics.AgentTalkSeconds);
        Assert.Equal(6.1, metrics.CustomerTalkSeconds, 3);
        Assert.Equal(7, metrics.MaxSilenceSeconds);
        Assert.Equal(1, metrics.Overlaps);
        Assert.Equal((int)Math.Round(26 / (8 / 60.0)), metrics.AgentCharsPerMinute);
    }
}
