using SpeechQa.Scoring.Repeats;
using static SpeechQa.Tests.Scoring.Repeats.RepeatTestKit;

namespace SpeechQa.Tests.Scoring.Repeats;

/// <summary>A root cause said in words no cue list has: the act model's reading of the customer's sentence is the cue.</summary>
public sealed class RootCauseActTests
{
    // No R6 cue matches this sentence; only the act can make it one.
    private const string Unlisted = "师傅走的时候好好的，今天早上那个地方滴答滴答的。";

    [Theory]
    [InlineData(0.95, true)]
    [InlineData(0.5, false)] // below act_min_p: the model is not sure enough
    public void A_sure_act_is_the_customers_cue(double p, bool cue)
    {
        var acts = new[] { new SentenceActs(Unlisted, new Dictionary<string, double> { ["repair_came_back"] = p, ["none"] = 1 - p }) };
        var found = new RepeatCueFinder(Policy).Find(Unlisted, "", acts);
        Assert.Equal(cue, found.Any(c => c.Cue == "R6" && c.Text == Unlisted));
        Assert.DoesNotContain(new RepeatCueFinder(Policy).Find(Unlisted, ""), c => c.Cue == "R6"); // the cue list alone finds nothing
    }

    [Fact]
    public void The_shipped_act_model_reads_a_fault_back_after_a_repair()
    {
        var acts = CustomerActs("礼拜一师傅来给换了个阀门，好了两天，这又开始往外冒水了，跟没修一个样。");
        Assert.Contains(acts, a => a.Acts.TryGetValue("repair_came_back", out var p) && p >= Policy.ActMinP);
    }
}
