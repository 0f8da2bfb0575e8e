using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>
/// A held-out line that shares 8 characters in a row with a training line measures memory, not generalisation:
/// no held-out line may. (The fix is to drop the held-out line, never to edit the training data to fit.)
/// </summary>
public sealed class HeldOutHonestyTests
{
    private const int Span = 8;

    [Theory]
    [InlineData("acts")]
    [InlineData("category")]
    public void No_held_out_line_shares_an_8_character_span_with_the_training_data(string kind)
    {
        var spans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in ShippedData.Training(kind))
            spans.UnionWith(SpansOf(example.Text));
        var overlapping = ShippedData.HeldOut(kind)
            .Select(e => (e.Text, Shared: SpansOf(e.Text).FirstOrDefault(spans.Contains)))
            .Where(x => x.Shared is not null)
            .Select(x => $"{x.Text}  (shares '{x.Shared}')").ToList();
        Assert.True(overlapping.Count == 0,
            $"{overlapping.Count} line(s) of {ShippedData.HeldOutFile(kind)} share {Span} characters with {ShippedData.TrainingFile(kind)}:\n{string.Join('\n', overlapping)}");
    }

    private static IEnumerable<string> SpansOf(string text)
    {
        for (var i = 0; i + Span <= text.Length; i++)
            yield return text.Substring(i, Span);
    }
}
