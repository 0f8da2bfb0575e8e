using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>Where each shipped model's training and held-out data live, read in the model's layout.</summary>
internal static class ShippedData
{
    public static string TrainingFile(string kind) => kind == "acts" ? "models/data/acts/pool.tsv" : $"models/data/{kind}.tsv";

    public static string HeldOutFile(string kind) => kind == "acts" ? "tests/classifier/act-heldout.tsv" : $"tests/classifier/{kind}-heldout.tsv";

    public static List<LabelledText> Training(string kind) => TrainingDataFile.Read(Path.Combine(TestPaths.Repository, TrainingFile(kind)), kind == "acts");

    public static List<LabelledText> HeldOut(string kind) => TrainingDataFile.Read(Path.Combine(TestPaths.Repository, HeldOutFile(kind)), kind == "acts");

    /// <summary>Labelled utterances as transcript sentences of their speakers (the product's input).</summary>
    public static List<TranscriptSegment> AsSentences(IEnumerable<LabelledText> examples) =>
        [.. examples.Select((e, i) => new TranscriptSegment(e.Speaker == "agent" ? Speaker.Agent : Speaker.Customer, i, i + 1, e.Text))];
}
