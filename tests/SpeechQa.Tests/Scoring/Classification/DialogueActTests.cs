using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Classification;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;
using static SpeechQa.Tests.Scoring.Rules.RuleTestKit;

namespace SpeechQa.Tests.Scoring.Classification;

/// <summary>The dialogue acts of a call's sentences (both speakers) through CallClassifier with the shipped models.</summary>
public sealed class DialogueActTests
{
    [Fact]
    public void Every_sentence_gets_its_speakers_acts_and_each_clause_its_own()
    {
        using var classifier = CallClassifier.Load(Path.Combine(TestPaths.Repository, "models"), new ClassifierTokens(Words), scoreClauses: true);
        TranscriptSegment[] sentences =
        [
            new(Speaker.Agent, 0, 3, "您好，供水服务热线，请问有什么可以帮您？"),
            new(Speaker.Customer, 3, 6, "你们这服务也太差了，我要投诉"),
            new(Speaker.Agent, 6, 9, "非常抱歉给您带来不便，工单已经给您登记好了"),
            new(Speaker.Unknown, 9, 10, "喂喂"),
        ];
        var acts = classifier.LabelActs(sentences, CancellationToken.None)!;
        Assert.Equal(4, acts.Count);
        Assert.Equal("greeting", acts[0].Act);
        Assert.Equal("complaint", acts[1].Act);
        // A customer sentence never gets an agent act, and its probabilities still sum to 1.
        Assert.Equal(0, acts[1].Probabilities["greeting"]);
        Assert.Equal(1.0, acts[1].Probabilities.Values.Sum(), 4);
        Assert.Equal(["empathy", "ticket_created"], acts[2].Clauses.Select(c => c.Act));
        Assert.Equal(["非常抱歉给您带来不便", "工单已经给您登记好了"], acts[2].Clauses.Select(c => c.Text));
        Assert.Equal(DialogueActs.None, acts[3].Act);
        Assert.Empty(acts[3].Probabilities);

        // The rules' map: the whole sentence's probabilities, with each clause's best act raised to that clause's p.
        var labels = classifier.LabelSentences(sentences, CancellationToken.None)!;
        foreach (var (act, p) in acts[2].Probabilities)
        {
            var clauseBest = acts[2].Clauses.Where(c => c.Act == act).Select(c => c.P).DefaultIfEmpty(0).Max();
            Assert.Equal(Math.Max(p, clauseBest), labels[2][act], 6);
        }
        Assert.True(labels[2]["ticket_created"] >= acts[2].Clauses[1].P - 1e-9);
    }

    [Fact]
    public void A_sentence_cut_at_a_pause_is_also_read_whole_for_its_second_half()
    {
        using var classifier = CallClassifier.Load(Path.Combine(TestPaths.Repository, "models"), new ClassifierTokens(Words));
        TranscriptSegment[] cut =
        [
            new(Speaker.Agent, 0, 2, "工单已经给您登记好了"),
            new(Speaker.Agent, 2.4, 4, "两个小时内师傅上门"),
            new(Speaker.Customer, 4.2, 5, "好的"),
        ];
        TranscriptSegment[] stopped = [cut[0] with { Text = cut[0].Text + "。" }, cut[1], cut[2]];
        var halves = classifier.LabelSentences(cut, CancellationToken.None)!;
        var apart = classifier.LabelSentences(stopped, CancellationToken.None)!;
        var whole = classifier.LabelSentences([new(Speaker.Agent, 0, 4, cut[0].Text + "，" + cut[1].Text)], CancellationToken.None)![0];
        // The second half keeps the higher of its own and the joined sentence's probability for every act; the first half
        // and a sentence after a stop are read alone.
        foreach (var (act, p) in apart[1])
            Assert.Equal(Math.Max(p, whole[act]), halves[1][act], 6);
        Assert.True(halves[1]["ticket_created"] > apart[1]["ticket_created"]);
        Assert.Equal(apart[0], halves[0]);
        Assert.Equal(apart[2], halves[2]);
        Assert.True(SentenceContinuation.Continues(cut[0], cut[1]));
        Assert.False(SentenceContinuation.Continues(stopped[0], stopped[1]));
        Assert.False(SentenceContinuation.Continues(cut[1], cut[2]));
        Assert.False(SentenceContinuation.Continues(cut[0], cut[1] with { Start = cut[0].End + SentenceContinuation.MaxGapSeconds + 0.1 }));
    }

    [Fact]
    public void Clauses_are_cut_at_chinese_and_ascii_punctuation()
    {
        Assert.Equal(["好的", "我帮您查一下", "请稍等"], ClauseSplitter.Split("好的，我帮您查一下；请稍等。"));
        Assert.Equal(["ok", "马上到"], ClauseSplitter.Split("ok, 马上到!"));
        Assert.Equal(["嗯"], ClauseSplitter.Split("嗯"));
        Assert.Equal(["……"], ClauseSplitter.Split("……"));
    }

    [Fact]
    public void An_act_file_names_a_bad_speaker_with_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["greeting\tagent\t您好\tg1", "complaint\tcaller\t太差了"]);
            var e = Assert.Throws<FormatException>(() => TrainingDataFile.Read(path, speakerColumn: true));
            Assert.Contains($"{path}:2:", e.Message, StringComparison.Ordinal);
            File.WriteAllLines(path, ["greeting\tagent\t您好\tg1", "complaint\tcustomer\t太差了"]);
            var examples = TrainingDataFile.Read(path, speakerColumn: true);
            Assert.Equal([("agent", "g1"), ("customer", null)], examples.Select(x => (x.Speaker, x.Group)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
