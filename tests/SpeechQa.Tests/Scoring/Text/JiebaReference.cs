using System.Text.Json;
using SpeechQa.Scoring.Text;
using SpeechQa.Tests.Infrastructure;

namespace SpeechQa.Tests.Scoring.Text;

/// <summary>
/// The conformance corpus (tests/text/make_segmentation_corpus.py) and Python jieba 0.42.1's output on it, made
/// once per test run; plus our model. Python jieba comes from the Debian package python3-jieba, which
/// scripts/setup.sh installs: without it these tests fail, they are not skipped.
/// </summary>
public sealed class JiebaReference : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speechqa-jieba-").FullName;
    private readonly Dictionary<string, Lazy<List<JsonElement>>> _references = [];
    private readonly Lock _lock = new();

    public JiebaReference()
    {
        Model = JiebaModel.Load();
        CorpusPath = Path.Combine(_folder, "corpus.txt");
        Tool.Run("/usr/bin/python3", Path.Combine(TestPaths.Text, "make_segmentation_corpus.py"), CorpusPath);
        var text = File.ReadAllText(CorpusPath);
        Lines = [.. text.Split('\n')];
        if (Lines[^1].Length == 0)
            Lines.RemoveAt(Lines.Count - 1);
    }

    public JiebaModel Model { get; }

    public string CorpusPath { get; }

    public List<string> Lines { get; }

    public static string DomainDictionary => Path.Combine(TestPaths.Repository, "rules/dict/hotline.txt");

    /// <summary>The data folder of the Python jieba the reference runs (Debian's python3-jieba, installed by scripts/setup.sh tests).</summary>
    public static string PythonJiebaFolder { get; } =
        System.Text.Encoding.UTF8.GetString(Tool.Run("/usr/bin/python3", "-c", "import jieba, os; print(os.path.dirname(jieba.__file__))")).Trim();

    /// <summary>Python's tokens per corpus line, for a mode of tests/text/jieba_reference.py (hmm, nohmm, search, full, keywords).</summary>
    public List<JsonElement> Python(string mode, string? userDictionary = null)
    {
        Lazy<List<JsonElement>> reference;
        lock (_lock)
        {
            var key = mode + "|" + userDictionary;
            if (!_references.TryGetValue(key, out reference!))
                _references[key] = reference = new Lazy<List<JsonElement>>(() => RunPython(mode, userDictionary));
        }
        return reference.Value;
    }

    private List<JsonElement> RunPython(string mode, string? userDictionary)
    {
        var output = Path.Combine(_folder, $"{mode}-{Guid.NewGuid():N}.jsonl");
        string[] args = [Path.Combine(TestPaths.Text, "jieba_reference.py"), mode, CorpusPath, output, .. userDictionary is null ? Array.Empty<string>() : ["--dict", userDictionary]];
        Tool.Run("/usr/bin/python3", args);
        return [.. File.ReadLines(output).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    public static List<string> Tokens(JsonElement line) => [.. line.EnumerateArray().Select(token => token.GetString()!)];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
