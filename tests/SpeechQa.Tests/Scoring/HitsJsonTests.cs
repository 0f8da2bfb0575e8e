using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Tests.Scoring;

/// <summary>The stored hits array reads back as it was written; a short array (the search index's rule + severity) reads with defaults.</summary>
public sealed class HitsJsonTests
{
    [Fact]
    public void Hits_read_back_as_written()
    {
        var written = new RuleHit("N04", "长时间静音未致歉", "water-hotline@2", Severity.NonFatal, 5, Speaker.Agent, 3, 12.3, 18.9, "静音 6.5 秒", 1, false);
        var read = Assert.Single(HitsJson.Read(HitsJson.Serialize([written])));
        Assert.Equal(new StoredHit("N04", "长时间静音未致歉", "non-fatal", 5, 3, 12.3, "静音 6.5 秒"), read);
        Assert.False(read.Fatal);
    }

    [Fact]
    public void A_short_array_reads_with_empty_fields()
    {
        var read = HitsJson.Read("""[{"rule":"F04","severity":"fatal"}]""");
        Assert.Equal(new StoredHit("F04", "", "fatal", 0, 0, 0, ""), Assert.Single(read));
        Assert.True(read[0].Fatal);
    }
}
