using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpeechQa.Bench;

/// <summary>
/// whisper.cpp's own benchmark (one encoder run, then 256 single-token decoder steps with the KV cache) on a ggml
/// file, through whichever builds are present: a natively compiled `whisper-bench` ($SPEECHQA_WHISPER_CPP_BENCH)
/// and the prebuilt npm addon @fugood/node-whisper-linux-x64 (in .tools/whisper-node). The npm build has no SIMD
/// code paths (its system info lists only OPENMP and REPACK) and takes about 3 minutes for tiny, so it runs only on
/// f16 with all cores, for the sizes listed in $SPEECHQA_WHISPER_NODE_SIZES (default: tiny).
/// </summary>
public sealed partial class WhisperCppReference(string? benchBinary, string? nodeModules, string script, IReadOnlySet<string> nodeSizes)
{
    public static WhisperCppReference FromEnvironment(string repositoryRoot)
    {
        var binary = Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_CPP_BENCH");
        var modules = Path.Combine(repositoryRoot, ".tools/whisper-node/node_modules");
        var sizes = (Environment.GetEnvironmentVariable("SPEECHQA_WHISPER_NODE_SIZES") ?? "tiny").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new WhisperCppReference(
            binary is not null && File.Exists(binary) ? binary : null,
            Directory.Exists(Path.Combine(modules, "@fugood/node-whisper-linux-x64")) ? modules : null,
            Path.Combine(repositoryRoot, "bench/whisper-cpp/bench.js"),
            sizes.ToHashSet());
    }

    public IEnumerable<(string Engine, double EncoderMs, double TokenMs)> Measure(string ggmlFile, int threads, string size)
    {
        if (benchBinary is not null)
        {
            var output = Tool.Run(benchBinary, "-m", ggmlFile, "-t", threads.ToString(CultureInfo.InvariantCulture), "-w", "0");
            yield return ("whisper.cpp (native)", PerRun(EncodeLine(), output), PerRun(DecodeLine(), output));
        }
        if (nodeModules is not null && nodeSizes.Contains(size) && threads == Environment.ProcessorCount && ggmlFile.EndsWith("f16.bin", StringComparison.Ordinal))
        {
            var output = Tool.Run("node", new Dictionary<string, string> { ["NODE_PATH"] = nodeModules }, script, ggmlFile, threads.ToString(CultureInfo.InvariantCulture));
            using var result = JsonDocument.Parse(output.Split('\n').Last(line => line.StartsWith('{')));
            yield return ("whisper.cpp (npm build)", result.RootElement.GetProperty("encodeMs").GetDouble(), result.RootElement.GetProperty("decodeMs").GetDouble());
        }
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
