using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Bench;

/// <summary>
/// Word segmentation speed on the conformance corpus, single thread, precise mode with HMM: SpeechQa, Python
/// jieba 0.42.1, jieba.NET 0.42.2 and @node-rs/jieba (jieba-rs) side by side, each with the same dict.txt; plus
/// dictionary load time and resident memory. MB/s counts UTF-8 input bytes.
/// </summary>
public static class SegmentationBench
{
    private sealed record Row(string Engine, double Seconds, double LoadSeconds, double RssMb, double LoadRssMb, long Tokens, string Note = "");

    public static void Run(string repositoryRoot, string? corpus, int passes)
    {
        var folder = Directory.CreateTempSubdirectory("speechqa-bench-jieba-").FullName;
        try
        {
            var scripts = Path.Combine(repositoryRoot, "tests/text");
            if (corpus is null)
            {
                corpus = Path.Combine(folder, "corpus.txt");
                Tool.Run("/usr/bin/python3", Path.Combine(scripts, "make_segmentation_corpus.py"), corpus);
            }
            var text = File.ReadAllText(corpus);
            var lines = text.Split('\n').ToList();
            if (lines[^1].Length == 0)
                lines.RemoveAt(lines.Count - 1);
            var megabytes = Encoding.UTF8.GetByteCount(text) / 1e6;
            var rows = new List<Row>();
            rows.AddRange(MeasureOurs(lines, passes));
            rows.Add(MeasurePython(scripts, corpus));
            rows.Add(MeasureJiebaNet(lines, passes));
            if (MeasureRust(repositoryRoot, corpus, passes) is { } rust)
                rows.Add(rust);

            Console.WriteLine($"Word segmentation, precise mode + HMM, single thread: {megabytes:0.00} MB, {lines.Count} lines, one call per line, best of {passes} passes ({Environment.ProcessorCount} cores)");
            Console.WriteLine($"{"engine",-36} {"MB/s",8} {"tokens",8} {"dict load",10} {"RSS after load",15} {"RSS of dict",12}");
            foreach (var row in rows)
                Console.WriteLine($"{row.Engine,-36} {megabytes / row.Seconds,8:0.00} {row.Tokens,8} {row.LoadSeconds * 1000,7:0} ms {row.RssMb,11:0} MB {row.LoadRssMb,9:0} MB {row.Note}");
            var ours = rows[0];
            foreach (var other in rows.Skip(2))
                Console.WriteLine($"speed ratio SpeechQa (spans) / {other.Engine}: {other.Seconds / ours.Seconds:0.00}×");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Row> MeasureOurs(List<string> lines, int passes)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true); // gives freed pages back, so RSS is what is live
        var before = Environment.WorkingSet;
        var heapBefore = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var model = JiebaModel.Load();
        var load = clock.Elapsed.TotalSeconds;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = Environment.WorkingSet;
        var heap = (GC.GetTotalMemory(true) - heapBefore) / (1024.0 * 1024);
        var segmenter = new WordSegmenter(model);
        var spans = new List<WordSpan>();

        double SpansPass(out long tokens)
        {
            tokens = 0;
            var watch = Stopwatch.StartNew();
            foreach (var line in lines)
            {
                spans.Clear();
                segmenter.Cut(line, spans);
                tokens += spans.Count;
            }
            return watch.Elapsed.TotalSeconds;
        }

        double StringsPass(out long tokens)
        {
            tokens = 0;
            var watch = Stopwatch.StartNew();
            foreach (var line in lines)
                tokens += segmenter.Cut(line).Count;
            return watch.Elapsed.TotalSeconds;
        }

        SpansPass(out _); // JIT warm-up
        StringsPass(out _);
        double bestSpans = double.MaxValue, bestStrings = double.MaxValue;
        long spanTokens = 0, stringTokens = 0;
        for (var p = 0; p < passes; p++)
        {
            bestSpans = Math.Min(bestSpans, SpansPass(out spanTokens));
            bestStrings = Math.Min(bestStrings, StringsPass(out stringTokens));
        }
        const double mb = 1024 * 1024;
        yield return new Row("SpeechQa (C#, token spans)", bestSpans, load, after / mb, (after - before) / mb, spanTokens, $"(managed heap of the model {heap:0} MB)");
        yield return new Row("SpeechQa (C#, List<string>)", bestStrings, load, after / mb, (after - before) / mb, stringTokens);
    }

    /// <summary>jieba.NET's own engine on the data the product loads (its ConfigFileBaseDir is process-wide: set once here).</summary>
    private static Row MeasureJiebaNet(List<string> lines, int passes)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = JiebaDataFolder.DefaultPath;
        var segmenter = new JiebaNet.Segmenter.JiebaSegmenter();
        _ = segmenter.Cut("预热", cutAll: false, hmm: true).Count(); // the dictionary loads on first use
        var load = clock.Elapsed.TotalSeconds;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = Environment.WorkingSet;

        double Pass(out long tokens)
        {
            tokens = 0;
            var watch = Stopwatch.StartNew();
            foreach (var line in lines)
                tokens += segmenter.Cut(line, cutAll: false, hmm: true).Count();
            return watch.Elapsed.TotalSeconds;
        }

        Pass(out _);
        var best = double.MaxValue;
        long count = 0;
        for (var p = 0; p < passes; p++)
            best = Math.Min(best, Pass(out count));
        const double mb = 1024 * 1024;
        return new Row("jieba.NET 0.42.2 (C#)", best, load, after / mb, (after - before) / mb, count);
    }

    private static Row MeasurePython(string scripts, string corpus)
    {
        // A first run builds jieba's marshal cache in /tmp (as any long-lived install has); the second is measured.
        Tool.Run("/usr/bin/python3", Path.Combine(scripts, "jieba_reference.py"), "time", corpus, "-");
        var json = Tool.Run("/usr/bin/python3", Path.Combine(scripts, "jieba_reference.py"), "time", corpus, "-");
        return Parse("Python jieba 0.42.1", json, "(1 pass; load from its cache)");
    }

    private static Row? MeasureRust(string repositoryRoot, string corpus, int passes)
    {
        var modules = Path.Combine(repositoryRoot, ".tools/node-rs-jieba/node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@node-rs/jieba")))
        {
            Console.WriteLine("reference @node-rs/jieba: not installed (scripts/bench.sh segment installs it into .tools/node-rs-jieba)");
            return null;
        }
        var json = Tool.Run("node", new Dictionary<string, string> { ["NODE_PATH"] = modules },
            Path.Combine(repositoryRoot, "bench/jieba-rs/bench.js"), corpus, Path.Combine(JiebaDataFolder.Locate().Dictionary), passes.ToString(CultureInfo.InvariantCulture));
        return Parse("@node-rs/jieba 2.0.3 (jieba-rs, N-API)", json, "(strings cross N-API)");
    }

    private static Row Parse(string engine, string output, string note)
    {
        using var json = JsonDocument.Parse(output.Split('\n').Last(line => line.StartsWith('{')));
        var root = json.RootElement;
        return new Row(engine, root.GetProperty("seconds").GetDouble(), root.GetProperty("load_seconds").GetDouble(),
            root.GetProperty("rss_mb").GetDouble(), root.GetProperty("load_rss_mb").GetDouble(), root.GetProperty("tokens").GetInt64(), note);
    }
}
