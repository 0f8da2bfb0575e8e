using SpeechQa.Scoring.Text;
using Xunit.Abstractions;

namespace SpeechQa.Tests.Scoring.Text;

/// <summary>
/// Our segmenter against Python jieba 0.42.1 on a ≥ 1 MB corpus, line by line and token for token; the bar is
/// 99.9% of lines identical in each mode (the issue's), and every differing line is printed.
/// </summary>
public sealed class JiebaConformanceTests(JiebaReference reference, ITestOutputHelper output) : IClassFixture<JiebaReference>
{
    private const double Bar = 0.999;

    [Theory]
    [InlineData("hmm", SegmentationMode.Precise, true)]
    [InlineData("nohmm", SegmentationMode.Precise, false)]
    [InlineData("search", SegmentationMode.Search, true)]
    [InlineData("full", SegmentationMode.Full, false)]
    public void Corpus_matches_python_jieba_line_for_line(string pythonMode, SegmentationMode mode, bool hmm)
    {
        Assert.True(new FileInfo(reference.CorpusPath).Length >= 1_000_000, "the corpus must hold at least 1 MB");
        Compare(new WordSegmenter(reference.Model), reference.Python(pythonMode), mode, hmm, pythonMode);
    }

    [Fact]
    public void Corpus_with_the_hotline_dictionary_matches_python_jieba_with_load_userdict()
    {
        var segmenter = new WordSegmenter(reference.Model).WithUserDictionary(JiebaReference.DomainDictionary);
        Compare(segmenter, reference.Python("hmm", JiebaReference.DomainDictionary), SegmentationMode.Precise, true, "hmm + hotline.txt");
    }

    [Fact]
    public void Keywords_match_jieba_analyse_extract_tags()
    {
        var extractor = new KeywordExtractor(new WordSegmenter(reference.Model), IdfTable.Load(reference.Model.Folder.Idf));
        var python = reference.Python("keywords");
        var same = 0;
        var shown = 0;
        for (var i = 0; i < reference.Lines.Count; i++)
        {
            var ours = extractor.Extract(reference.Lines[i]);
            var theirs = python[i].EnumerateArray().Select(pair => (Word: pair[0].GetString()!, Weight: pair[1].GetDouble())).ToList();
            if (ours.Count == theirs.Count && ours.Zip(theirs).All(p => p.First.Word == p.Second.Word && Math.Abs(p.First.Weight - p.Second.Weight) < 1e-8))
                same++;
            else if (shown++ < 20)
                output.WriteLine($"keywords differ: {reference.Lines[i]}\n  ours   {string.Join(' ', ours)}\n  python {string.Join(' ', theirs)}");
        }
        var rate = (double)same / reference.Lines.Count;
        output.WriteLine($"keywords: {same}/{reference.Lines.Count} lines identical ({rate:P3})");
        Assert.True(rate >= Bar, $"only {rate:P3} of lines have jieba's keywords");
    }

    /// <summary>
    /// The conformance report's other column: jieba.NET 0.42.2's own engine on the same data and corpus (precise, HMM).
    /// The project keeps its own engine because it matches Python jieba where jieba.NET does not; should jieba.NET ever
    /// match as well, this fails, and the choice is to be made again.
    /// </summary>
    [Fact]
    public void Jieba_NET_matches_python_jieba_less_often_than_ours()
    {
        var python = reference.Python("hmm");
        JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = reference.Model.Folder.Path; // jieba.NET's setting is process-wide
        var theirs = new JiebaNet.Segmenter.JiebaSegmenter();
        var ours = new WordSegmenter(reference.Model);
        int sameOurs = 0, sameJiebaNet = 0, shown = 0;
        for (var i = 0; i < reference.Lines.Count; i++)
        {
            var expected = JiebaReference.Tokens(python[i]);
            if (ours.Cut(reference.Lines[i]).SequenceEqual(expected))
                sameOurs++;
            var jiebaNet = theirs.Cut(reference.Lines[i], cutAll: false, hmm: true).ToList();
            if (jiebaNet.SequenceEqual(expected))
                sameJiebaNet++;
            else if (shown++ < 10)
                output.WriteLine($"[jieba.NET] line {i + 1}: {Show(reference.Lines[i])}\n  jieba.NET {string.Join(" | ", jiebaNet.Select(Show))}\n  python    {string.Join(" | ", expected.Select(Show))}");
        }
        var count = reference.Lines.Count;
        output.WriteLine($"identical to Python jieba (precise + HMM), {count} lines: SpeechQa {sameOurs} ({(double)sameOurs / count:P2}), jieba.NET 0.42.2 {sameJiebaNet} ({(double)sameJiebaNet / count:P2})");
        Assert.True(sameOurs > sameJiebaNet, $"jieba.NET matches Python jieba on {sameJiebaNet} lines, ours on {sameOurs}: reconsider keeping our engine");
    }

    private void Compare(WordSegmenter segmenter, List<System.Text.Json.JsonElement> python, SegmentationMode mode, bool hmm, string label)
    {
        Assert.Equal(reference.Lines.Count, python.Count);
        var same = 0;
        var tokens = 0;
        for (var i = 0; i < reference.Lines.Count; i++)
        {
            var ours = segmenter.Cut(reference.Lines[i], mode, hmm);
            var theirs = JiebaReference.Tokens(python[i]);
            tokens += theirs.Count;
            if (ours.SequenceEqual(theirs))
                same++;
            else
                output.WriteLine($"[{label}] line {i + 1}: {Show(reference.Lines[i])}\n  ours   {string.Join(" | ", ours.Select(Show))}\n  python {string.Join(" | ", theirs.Select(Show))}");
        }
        var rate = (double)same / reference.Lines.Count;
        output.WriteLine($"[{label}] {same}/{reference.Lines.Count} lines identical ({rate:P3}), {tokens} tokens");
        Assert.True(rate >= Bar, $"[{label}] only {rate:P3} of lines are identical to Python jieba (bar {Bar:P1})");
    }

    private static string Show(string text) => string.Concat(text.Select(c => char.IsControl(c) || c is '\u00a0' or '\u3000' or '\u200b' ? $"\\u{(int)c:x4}" : c.ToString()));
}
