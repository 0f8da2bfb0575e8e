using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Evaluation.Noise;

namespace SpeechQa.Tests.Scoring.Evaluation;

/// <summary>The ASR noise of issue #18 item 6: reproducible, each kind of change at the level asked, timings and speakers kept.</summary>
public sealed class AsrNoiseTests
{
    // Rich in every kind of opportunity: domain words, marks, numbers both ways, a phone number, fillers, long
    // segments with inner clauses, and two short customer turns in a row.
    private static Transcript Call(string id) => new(id, "zh", "imported",
    [
        new(Speaker.Agent, 0.3, 6.0, "您好，供水服务热线，工号2035，请问有什么可以帮您？"),
        new(Speaker.Customer, 6.6, 9.0, "嗯，那个，我家暖气不热。"),
        new(Speaker.Customer, 9.4, 12.0, "户号是0301234567，户主叫陈建平。"),
        new(Speaker.Agent, 12.6, 24.0, "抱歉，我给您登记一个维修工单，师傅一个工作日内上门，水费是3.45元一吨，联系电话13812345678对吗？"),
        new(Speaker.Customer, 24.6, 27.0, "呃，对，两个小时能到吗？"),
        new(Speaker.Agent, 27.6, 33.0, "工单号是二零二四一一零五，请您稍等，我们会回访，再见。"),
    ]);

    private static IEnumerable<Transcript> Calls(int n) => Enumerable.Range(1, n).Select(i => Call($"C{i:000}"));

    [Fact]
    public void Apply_GivesTheSameTranscript_ForTheSameCallAndSeed()
    {
        var first = new AsrNoise(0.5, seed: 3).Apply(Call("EV001")).Transcript;
        var again = new AsrNoise(0.5, seed: 3).Apply(Call("EV001")).Transcript;
        var otherSeed = new AsrNoise(0.5, seed: 4).Apply(Call("EV001")).Transcript;
        Assert.Equal(first.Segments, again.Segments);
        Assert.NotEqual(first.Segments, otherSeed.Segments);
    }

    [Fact]
    public void Apply_ChangesNothing_AtLevelZero()
    {
        var clean = Call("EV001");
        var noisy = new AsrNoise(0).Apply(clean);
        Assert.Equal(clean.Segments.Select(s => (s.Speaker, s.Start, s.End, s.Text)), noisy.Transcript.Segments.Select(s => (s.Speaker, s.Start, s.End, s.Text)));
        Assert.All(noisy.Tally.Counts.Values, c => Assert.Equal(0, c.Applied));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void Apply_MakesEachKindOfChange_AtTheGivenLevel(double level)
    {
        var tally = new AsrNoiseTally();
        foreach (var call in Calls(300))
            tally.Add(new AsrNoise(level).Apply(call).Tally);
        foreach (var kind in Enum.GetValues<AsrChange>())
        {
            var (opportunities, applied) = tally[kind];
            Assert.True(opportunities >= 250, $"{kind}: only {opportunities} opportunities");
            var rate = (double)applied / opportunities;
            Assert.True(Math.Abs(rate - level) < 0.06, $"{kind}: {applied}/{opportunities} = {rate:0.000}, level {level}");
        }
    }

    [Fact]
    public void Apply_AtLevelOne_RewritesEveryKind()
    {
        var noisy = new AsrNoise(1).Apply(Call("EV007")).Transcript;
        var text = string.Concat(noisy.Segments.Select(s => s.Text));
        foreach (var word in new[] { "暖气", "户号", "维修", "工单", "抱歉", "登记", "稍等", "回访" })
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        Assert.DoesNotContain("那个，", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3.45元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("一个工作日", text, StringComparison.Ordinal);
        Assert.DoesNotContain("？", text, StringComparison.Ordinal);
        // the two short customer turns became one (no boundary at the pause between them); the long agent turns were cut at a clause
        Assert.DoesNotContain(noisy.Segments, s => s.End == 9.0 || s.Start == 9.4);
        Assert.Contains(noisy.Segments, s => s.Speaker == Speaker.Agent && s.Start == 12.6 && s.End < 24.0);
    }

    [Fact]
    public void Apply_MakesOnlyTheKindsAsked()
    {
        var noisy = new AsrNoise(1, kinds: new HashSet<AsrChange> { AsrChange.Homophone }).Apply(Call("EV007"));
        Assert.True(noisy.Tally[AsrChange.Homophone].Applied > 0);
        Assert.All(noisy.Tally.Counts.Where(c => c.Key != AsrChange.Homophone), c => Assert.Equal(0, c.Value.Applied));
        Assert.Equal(Call("EV007").Segments.Select(s => (s.Start, s.End)), noisy.Transcript.Segments.Select(s => (s.Start, s.End)));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Apply_KeepsTimingsOrderedAndSpeakers(double level)
    {
        foreach (var clean in Calls(50))
        {
            var noisy = new AsrNoise(level).Apply(clean).Transcript.Segments;
            for (var i = 0; i < noisy.Count; i++)
            {
                Assert.True(noisy[i].Start <= noisy[i].End, $"{clean.CallId} segment {i} ends before it starts");
                if (i > 0)
                    Assert.True(noisy[i - 1].Start <= noisy[i].Start, $"{clean.CallId} segment {i} starts before the one before it");
                // every noisy segment lies inside speech of the same speaker in the clean call
                var inside = noisy[i];
                Assert.Contains(clean.Segments, s => s.Speaker == inside.Speaker && s.Start <= inside.Start + 1e-9 && inside.Start < s.End);
            }
            Assert.Equal(Turns(clean.Segments), Turns(noisy));
        }
    }

    [Theory]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(22, "二十二")]
    [InlineData(110, "一百一十")]
    [InlineData(180, "一百八十")]
    [InlineData(1005, "一千零五")]
    [InlineData(20300, "二万零三百")]
    public void Integer_ReadsANumberOut(long n, string words) => Assert.Equal(words, SpokenNumberWriter.Integer(n));

    // The order of speakers' turns, one entry per run of one speaker: splits and merges do not change it.
    private static List<Speaker> Turns(IEnumerable<TranscriptSegment> segments)
    {
        var turns = new List<Speaker>();
        foreach (var s in segments.OrderBy(s => s.Start))
        {
            if (turns.Count == 0 || turns[^1] != s.Speaker)
                turns.Add(s.Speaker);
        }
        return turns;
    }
}
