using System.Diagnostics;

namespace SpeechQa.Bench;

/// <summary>Runs a command line tool to completion and returns its standard output; a non-zero exit is an error.</summary>
internal static class Tool
{
    public static string Run(string tool, params string[] args) => Run(tool, null, args);

    public static string Run(string tool, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result[^Math.Min(2000, error.Result.Length)..]}");
        return output + error.Result;
    }
}
