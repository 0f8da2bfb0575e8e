namespace SpeechQa.Tests.Infrastructure;

/// <summary>
/// The real `speechqa` command in a temporary folder with its own SQLite database and the repository's rules and
/// models: <see cref="RunAsync"/> asserts success and returns the output, <see cref="TryAsync"/> returns the exit code too.
/// </summary>
public sealed class CliSession : IDisposable
{
    private static readonly string Cli = ChildProcess.OutputOf("src/Cli", "speechqa.dll");

    public CliSession(string name) => Folder = Directory.CreateTempSubdirectory($"speechqa-{name}-").FullName;

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "qa.db");

    /// <summary>Environment variables every command of the session gets (e.g. SPEECHQA_ES_URL).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task<string> RunAsync(params string[] args)
    {
        var (code, output) = await TryAsync(args);
        Assert.True(code == 0, output);
        return output;
    }

    public Task<(int ExitCode, string Output)> TryAsync(params string[] args) =>
        ChildProcess.RunAsync(Cli, [.. args, "--db", Database], Folder, environment: Environment); // ChildProcess hands the repository's rules and models over

    /// <summary>Ingests and runs the sample calls of samples/hotline-sample.</summary>
    public async Task RunSamplesAsync()
    {
        await RunAsync("ingest", Path.Combine(TestPaths.Repository, "samples/hotline-sample/manifest.csv"));
        await RunAsync("run");
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
