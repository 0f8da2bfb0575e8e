using System.Diagnostics;
using SpeechQa.OnnxRuntime;
using SpeechQa.Transcriber.Asr;

namespace SpeechQa.Bench;

/// <summary>
/// Real-time factor of one 30 s window — log-mel + encoder + a fixed number of greedy decoder steps with the
/// cache — for Whisper architectures with random weights (built by tests/models/make_tiny_whisper.py), fp32 and
/// int8 (tests/models/quantize_dynamic.py, ONNX Runtime's dynamic-quantization layout), at 1 and 2 threads.
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

    public static void Run(IEnumerable<string> sizes, int[] threads, int tokens, string tokenizer, string modelScripts)
    {
        Console.WriteLine($"Whisper RTF per 30 s window (random weights, {tokens} greedy tokens, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"{"size",-6} {"weights",7} {"threads",7} {"log-mel",9} {"encoder",9} {"decoder/token",14} {"window",9} {"RTF",6}");
        using var runtime = OrtRuntime.Load();
        foreach (var size in sizes)
        {
            var (d, heads, layers) = Sizes[size];
            var folder = Path.Combine(Directory.CreateTempSubdirectory("speechqa-bench-whisper-").FullName, $"whisper-{size}-random");
            Run("/usr/bin/python3", Path.Combine(modelScripts, "make_tiny_whisper.py"), tokenizer, folder, d.ToString(), heads.ToString(), layers.ToString());
            Run("/usr/bin/python3", Path.Combine(modelScripts, "quantize_dynamic.py"), folder);
            var audio = Enumerable.Range(0, 30 * 16000).Select(i => (float)(0.2 * Math.Sin(i * 0.03) * Math.Sin(i * 0.0007))).ToArray();
            foreach (var (weights, variant) in new[] { ("fp32", ""), ("int8", "_quantized") })
            foreach (var threadCount in threads)
            {
                var model = WhisperModelFolder.Load(folder, variant);
                using var whisper = new WhisperOnnxModel(runtime, model, new SessionSettings { IntraOpThreads = threadCount });
                var mel = new LogMelSpectrogram(model.MelBins);
                var clock = Stopwatch.StartNew();
                var features = mel.Compute(audio);
                var melTime = clock.Elapsed.TotalSeconds;
                whisper.Encode(features, CancellationToken.None); // warm-up
                clock.Restart();
                var encoded = whisper.Encode(features, CancellationToken.None);
                var encoderTime = clock.Elapsed.TotalSeconds;
                var (_, cache) = whisper.Start(encoded, [50258, 50260, 50359], CancellationToken.None);
                clock.Restart();
                for (var t = 0; t < tokens; t++)
                    whisper.Step(cache, 50364 + t, CancellationToken.None);
                var perToken = clock.Elapsed.TotalSeconds / tokens;
                var window = melTime + encoderTime + perToken * tokens;
                Console.WriteLine($"{size,-6} {weights,7} {threadCount,7} {melTime * 1000,7:0} ms {encoderTime * 1000,6:0} ms {perToken * 1000,11:0.0} ms {window,7:0.00} s {window / 30,6:0.000}");
            }
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
        Console.WriteLine("reference whisper.cpp: not run (see README: the npm build and a ggml file of the same random weights are not set up yet)");
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed");
    }
}
