namespace SpeechQa.Scoring.Text;

/// <summary>
/// Where jieba's data files are: the Debian package python3-jieba by default, or $SPEECHQA_JIEBA_DIR. The same
/// files Python jieba 0.42.1 reads, so our segmenter and the reference use one dictionary.
/// </summary>
public sealed class JiebaDataFolder
{
    public const string DebianPackage = "python3-jieba";
    public const string DefaultPath = "/usr/lib/python3/dist-packages/jieba";
    public const string EnvironmentVariable = "SPEECHQA_JIEBA_DIR";

    private JiebaDataFolder(string path) => Path = path;

    public string Path { get; }

    public string Dictionary => System.IO.Path.Combine(Path, "dict.txt");

    public string Idf => System.IO.Path.Combine(Path, "analyse", "idf.txt");

    public string StartProbabilities => System.IO.Path.Combine(Path, "finalseg", "prob_start.py");

    public string TransitionProbabilities => System.IO.Path.Combine(Path, "finalseg", "prob_trans.py");

    public string EmissionProbabilities => System.IO.Path.Combine(Path, "finalseg", "prob_emit.py");

    /// <summary>The folder named by the argument, else by $SPEECHQA_JIEBA_DIR, else the Debian package's; every file checked.</summary>
    public static JiebaDataFolder Locate(string? path = null)
    {
        var folder = new JiebaDataFolder(path ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? DefaultPath);
        foreach (var file in new[] { folder.Dictionary, folder.Idf, folder.StartProbabilities, folder.TransitionProbabilities, folder.EmissionProbabilities })
        {
            if (!File.Exists(file))
                throw new JiebaDataException(
                    $"缺少 jieba 词典数据 jieba data missing: {file} not found. Install the Debian package {DebianPackage} " +
                    $"(scripts/setup.sh does) or point {EnvironmentVariable} at a folder with dict.txt, analyse/idf.txt and finalseg/prob_*.py");
        }
        return folder;
    }
}

/// <summary>jieba's data files are missing or malformed; the message names the file (and line).</summary>
public sealed class JiebaDataException(string message) : Exception(message);
