using System.Diagnostics;
using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Judging;
using SpeechQa.Scoring.Rules;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Bench;

/// <summary>
/// Rule-set throughput: 5-minute transcripts (the sample calls' dialogue laid end to end to 300 s, about 50
/// sentences), segmentation + the full water-hotline rule set with its dialogue state, one thread; once rules alone,
/// once with the shipped models (the dialogue-act model on every sentence and clause, the category model on the call)
/// through ONNX Runtime; homophone correction included, as in the product. Target: ≥ 500 calls/s per core with the act
/// model included.
/// </summary>
public static class RulesBench
{
    public static void Run(string repositoryRoot, int calls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        var rules = Path.Combine(repositoryRoot, "rules");
        // The product's judge: the folder's rule sets, its hotline dictionary and the homophone corrector.
        var rulesOnly = CallJudge.ForRulesFolder(rules);
        using var classifier = CallClassifier.Load(Path.Combine(repositoryRoot, "models"), new ClassifierTokens(rulesOnly.Segmenter));
        Measure("rules alone", rulesOnly, repositoryRoot, calls);
        Measure("rules + dialogue acts + category (ONNX Runtime)", rulesOnly.WithClassifier(classifier), repositoryRoot, calls);
        Console.WriteLine("  reference: no other QA rule engine can run here (Alibaba SCA, Huawei CEC, Contact Lens are services); none compared");
    }

    private static void Measure(string what, CallJudge judge, string repositoryRoot, int calls)
    {
        var samples = Directory.GetFiles(Path.Combine(repositoryRoot, "samples/hotline-sample/transcripts"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => TranscriptJson.Parse(File.ReadAllBytes(f))).ToList();
        var transcripts = Enumerable.Range(0, 50).Select(i => FiveMinutes(samples, i)).ToList();
        var metadata = new CallMetadata { Direction = "inbound", HangupBy = "customer", DurationSeconds = 300 };
        var sentences = transcripts.Average(t => t.Segments.Count);
        var characters = transcripts.Average(t => t.Segments.Sum(s => s.Text.Length));

        for (var i = 0; i < 200; i++) // warm-up (JIT)
            judge.Judge("water-hotline", transcripts[i % transcripts.Count], metadata);
        var hits = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
            hits += judge.Judge("water-hotline", transcripts[i % transcripts.Count], metadata).Hits.Count;
        var seconds = clock.Elapsed.TotalSeconds;
        var allocatedKb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / calls;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var pausedShare = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds / seconds;
        var rulesCount = judge.Catalog.Find("water-hotline")!.Rules.Count;
        Console.WriteLine($"Rules, {what}: water-hotline ({rulesCount} rules), {calls} five-minute transcripts (~{sentences:0} sentences, ~{characters:0} characters each), segmentation included, 1 thread");
        Console.WriteLine($"  {calls / seconds:0} calls/s per core ({seconds * 1000 / calls:0.00} ms per call), {hits / (double)calls:0.0} hits per call, {allocatedKb:0} KB allocated per call ({collections} gen-0 collections, {pausedShare:P0} of the time paused for GC); target ≥ 500 calls/s");
    }

    /// <summary>Sample dialogues one after another, shifted in time, until 300 s are filled.</summary>
    private static Transcript FiveMinutes(List<Transcript> samples, int seed)
    {
        var segments = new List<TranscriptSegment>();
        var offset = 0.0;
        for (var k = seed; offset < 300; k++)
        {
            var sample = samples[k % samples.Count];
            foreach (var s in sample.Segments)
            {
                if (offset + s.End > 300)
                    break;
                segments.Add(s with { Start = s.Start + offset, End = s.End + offset });
            }
            offset += sample.Segments[^1].End + 1.0;
        }
        return new Transcript($"B{seed}", "zh", "imported", segments);
    }
}
