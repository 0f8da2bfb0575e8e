using System.Diagnostics;

namespace SpeechQa.Tests.Infrastructure;

/// <summary>Starts the project's own executables (built beside the tests) as real processes.</summary>
public static class ChildProcess
{
    /// <summary>bin/&lt;Configuration&gt;/net10.0 of another project, found from this test assembly's own output folder.</summary>
    public static string OutputOf(string projectFolder, string assembly)
    {
        var testBin = AppContext.BaseDirectory; // …/tests/SpeechQa.Tests/bin/Release/net10.0/
        var repo = Path.GetFullPath(Path.Combine(testBin, "../../../../.."));
        var relativeBin = Path.GetRelativePath(Path.Combine(repo, "tests/SpeechQa.Tests"), testBin);
        var path = Path.Combine(repo, projectFolder, relativeBin, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} was not built at {path}");
    }

    public static Process Start(string dll, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        // The command's defaults (rules/ and models/ in the working folder) point into the temporary folders the tests
        // run in; like an installation, the child gets the repository's, unless a test names its own.
        info.Environment["SPEECHQA_RULES"] = Path.Combine(TestPaths.Repository, "rules");
        info.Environment["SPEECHQA_MODELS"] = Path.Combine(TestPaths.Repository, "models");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        info.Environment.Remove("SPEECHQA_DB");
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs to completion; returns exit code and the combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dll, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null,
        IDictionary<string, string>? environment = null)
    {
        using var process = Start(dll, args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
