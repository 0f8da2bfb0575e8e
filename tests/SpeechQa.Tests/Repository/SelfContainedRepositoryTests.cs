using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Repository;

/// <summary>
/// A user clones the repository alone: nothing in its build, tests, benchmarks, scripts or data may reach for a
/// path outside the checkout. .ci/run proves it at run time (it runs the suite in a fresh clone with nothing beside
/// it); this test finds such a path in the source before anyone runs anything.
/// </summary>
public sealed class SelfContainedRepositoryTests
{
    private static readonly string[] CodeExtensions = [".cs", ".csproj", ".props", ".targets", ".sln", ".sh", ".py", ".js", ".json", ".yaml", ".yml", ".txt", ".tsv", ".csv", ".razor", ".cshtml"];

    /// <summary>
    /// Ways a file could point outside: the reading folder beside the checkout, or this machine's absolute work paths.
    /// Put together here, so this file does not itself name them.
    /// </summary>
    private static readonly string[] OutsidePaths =
    [
        .. new[] { "/", "\\" }.Select(separator => ".." + separator + "shared"),
        .. new[] { "shared", "main", ".library" }.Select(folder => "/work/" + folder),
        "/tmp/" + "speechqa-ci",
    ];

    [Fact]
    public void No_code_script_or_data_file_names_a_path_outside_the_checkout()
    {
        var root = TestPaths.Repository;
        var offenders = new List<string>();
        foreach (var file in TrackedFiles(root).Where(f => CodeExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, file)))
            {
                lineNumber++;
                foreach (var outside in OutsidePaths.Where(o => line.Contains(o, StringComparison.OrdinalIgnoreCase)))
                    offenders.Add($"{file}:{lineNumber}: {outside}");
            }
        }
        Assert.True(offenders.Count == 0, "paths outside the checkout:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_whisper_test_assets_are_in_the_repository_with_their_licence()
    {
        var assets = Path.Combine(TestPaths.Models, "whisper-assets");
        Assert.True(new FileInfo(Path.Combine(assets, "multilingual.tiktoken")).Length > 800_000);
        Assert.True(File.Exists(Path.Combine(assets, "mel_filters.npz")));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(assets, "LICENSE")), StringComparison.Ordinal);
    }

    private static string[] TrackedFiles(string root)
    {
        var output = Tool.Run("git", "-C", root, "ls-files", "-z");
        return System.Text.Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
