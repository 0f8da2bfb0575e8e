using System.Globalization;
using System.Text.RegularExpressions;

namespace SpeechQa.Bench;

/// <summary>
/// whisper.cpp's own benchmark (one encoder run, then 256 single-token decoder steps with the KV cache) on the same
/// ggml file, when a natively compiled `whisper-bench` is named by $SPEECHQA_WHISPER_CPP_BENCH: the figures of
/// whisper.cpp without the Whisper.net binding, for comparison. (The npm build @fugood/node-whisper-linux-x64
/// measured earlier has no SIMD code paths and is not a fair stand-in, so it is no longer run.)
/// </summary>
public sealed partial class WhisperCppReference(string? benchBinary)
{
    public static WhisperCppReference FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_CPP_BENCH") is { Length: > 0 } binary && File.Exists(binary) ? binary : null);

    public bool IsAvailable => benchBinary is not null;

    public IEnumerable<(string Engine, double EncoderMs, double TokenMs)> Measure(string ggmlFile, int threads, string size)
    {
        if (benchBinary is null)
            yield break;
        var output = Tool.Run(benchBinary, "-m", ggmlFile, "-t", threads.ToString(CultureInfo.InvariantCulture), "-w", "0");
        yield return ("whisper.cpp (native)", PerRun(EncodeLine(), output), PerRun(DecodeLine(), output));
    }

    private static double PerRun(Regex line, string output)
    {
        var match = line.Match(output);
        if (!match.Success)
            throw new InvalidOperationException($"whisper-bench printed no '{line}' line:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"encode time =.*\(\s*([0-9.]+) ms per run\)")]
    private static partial Regex EncodeLine();

    [GeneratedRegex(@"decode time =.*\(\s*([0-9.]+) ms per run\)")]
    private static partial Regex DecodeLine();
}
