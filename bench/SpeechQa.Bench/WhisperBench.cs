using System.Diagnostics;
using SpeechQa.Transcriber.Asr;
using Whisper.net;

namespace SpeechQa.Bench;

/// <summary>
/// whisper.cpp through Whisper.net (the product's recogniser) on one 30 s window, for Whisper architectures with
/// random weights written by tests/models/make_ggml_whisper.py in whisper.cpp's ggml format (f16 and q8_0), at 1
/// and 2 threads, greedy and beam 5. Whisper.net runs whole windows only, so the decoder is bounded with
/// whisper.cpp's max-tokens setting: a run limited to 1 token gives mel + encoder (+ the prompt pass), a run
/// limited to N tokens adds N decoder steps; the difference divided by the tokens decoded is the cost per token
/// (random weights never stop early; the tokens are counted, not assumed). Fallback is off so each window is
/// decoded once. A window's time is given for a realistic token count (Mandarin call speech: ~150 tokens per
/// 30 s); RTF below 1 is faster than real time. Beside it, whisper.cpp's own bench when one is installed.
/// </summary>
public static class WhisperBench
{
    public static readonly string[] Sizes = ["tiny", "base", "small"];

    public static void Run(IEnumerable<string> sizes, int[] threads, int steps, int windowTokens, string modelScripts, WhisperCppReference reference)
    {
        Console.WriteLine($"Whisper per 30 s window: whisper.cpp via Whisper.net {typeof(WhisperFactory).Assembly.GetName().Version?.ToString(3)}, random weights, " +
            $"{Environment.ProcessorCount} cores; window = encoder + {windowTokens} tokens");
        Console.WriteLine($"{"engine",-24} {"size",-6} {"weights",7} {"threads",7} {"decoding",8} {"encoder",10} {"per token",10} {"window",8} {"RTF",6}");
        var audio = Enumerable.Range(0, 30 * 16000).Select(i => (float)(0.2 * Math.Sin(i * 0.03) * Math.Sin(i * 0.0007))).ToArray();
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("speechqa-bench-whisper-").FullName;
            try
            {
                foreach (var weights in new[] { "f16", "q8_0" })
                {
                    var file = Path.Combine(folder, $"ggml-{size}-{weights}.bin");
                    Tool.Run("/usr/bin/python3", Path.Combine(modelScripts, "make_ggml_whisper.py"), file, "--size", size, "--type", weights);
                    GgmlWhisperFile.Read(file); // the product's own check passes on what is measured
                    using var factory = WhisperFactory.FromPath(file);
                    foreach (var threadCount in threads)
                    {
                        foreach (var beam in new[] { 1, 5 })
                        {
                            var (encoderMs, tokenMs) = Measure(factory, audio, threadCount, beam, steps);
                            Print("Whisper.net", size, weights, threadCount, beam == 1 ? "greedy" : "beam 5", encoderMs, tokenMs, windowTokens);
                        }
                        foreach (var (engine, encoderMs, tokenMs) in reference.Measure(file, threadCount, size))
                            Print(engine, size, weights, threadCount, "bench", encoderMs, tokenMs, windowTokens);
                    }
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        if (!reference.IsAvailable)
            Console.WriteLine("reference whisper.cpp (native whisper-bench): not run; build whisper.cpp and set SPEECHQA_WHISPER_CPP_BENCH (README)");
    }

    private static (double EncoderMs, double TokenMs) Measure(WhisperFactory factory, float[] audio, int threads, int beam, int steps)
    {
        (double Ms, int Tokens) Window(int maxTokens)
        {
            var builder = factory.CreateBuilder().WithLanguage("zh").WithThreads(threads).WithNoContext().WithSingleSegment()
                .WithTemperatureInc(0).WithMaxTokensPerSegment(maxTokens);
            if (beam > 1)
                builder.WithBeamSearchSamplingStrategy(b => b.WithBeamSize(beam));
            using var processor = builder.Build();
            var clock = Stopwatch.StartNew();
            var tokens = processor.ProcessAsync(audio).ToBlockingEnumerable().Sum(s => s.Tokens.Length);
            return (clock.Elapsed.TotalMilliseconds, tokens);
        }
        Window(1); // warm-up: first use allocates the compute buffers
        var (oneMs, oneTokens) = Window(1);
        var (manyMs, manyTokens) = Window(steps);
        return (oneMs, Math.Max(0, manyMs - oneMs) / Math.Max(1, manyTokens - oneTokens));
    }

    private static void Print(string engine, string size, string weights, int threads, string decoding, double encoderMs, double tokenMs, int windowTokens)
    {
        var windowSeconds = (encoderMs + tokenMs * windowTokens) / 1000;
        Console.WriteLine($"{engine,-24} {size,-6} {weights,7} {threads,7} {decoding,8} {encoderMs,7:0} ms {tokenMs,7:0.0} ms {windowSeconds,6:0.00} s {windowSeconds / 30,6:0.000}");
    }
}
