namespace SpeechQa.Scoring.Text;

/// <summary>How a jieba data folder is laid out.</summary>
public enum JiebaDataLayout
{
    /// <summary>The jieba.NET package's Resources (dict.txt, idf.txt, prob_trans.json, prob_emit.json), copied beside the program.</summary>
    JiebaNetPackage,

    /// <summary>Python jieba's package folder (dict.txt, analyse/idf.txt, finalseg/prob_*.py), e.g. Debian's python3-jieba.</summary>
    PythonPackage,
}

/// <summary>
/// Where jieba's data files are. By default the <c>jieba/</c> folder beside the program, which the build copies from the
/// jieba.NET 0.42.2 package (the same dictionary, IDF table and HMM as Python jieba 0.42.1 — dict.txt differs only in
/// line endings), so nothing outside the install is needed. <c>--jieba-dir</c> or $SPEECHQA_JIEBA_DIR may name another
/// folder in either layout (the tests point it at Python jieba's, their reference).
/// </summary>
public sealed class JiebaDataFolder
{
    public const string EnvironmentVariable = "SPEECHQA_JIEBA_DIR";

    private JiebaDataFolder(string path, JiebaDataLayout layout)
    {
        Path = path;
        Layout = layout;
    }

    /// <summary>The data copied beside the program from the jieba.NET package.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "jieba");

    public string Path { get; }

    public JiebaDataLayout Layout { get; }

    public string Dictionary => System.IO.Path.Combine(Path, "dict.txt");

    public string Idf => Layout == JiebaDataLayout.PythonPackage ? System.IO.Path.Combine(Path, "analyse", "idf.txt") : System.IO.Path.Combine(Path, "idf.txt");

    /// <summary>Python's finalseg/prob_start.py; the jieba.NET layout has none (its start probabilities are constants, <see cref="UnknownWordHmm"/>).</summary>
    public string? StartProbabilities => Layout == JiebaDataLayout.PythonPackage ? System.IO.Path.Combine(Path, "finalseg", "prob_start.py") : null;

    public string TransitionProbabilities => Layout == JiebaDataLayout.PythonPackage ? System.IO.Path.Combine(Path, "finalseg", "prob_trans.py") : System.IO.Path.Combine(Path, "prob_trans.json");

    public string EmissionProbabilities => Layout == JiebaDataLayout.PythonPackage ? System.IO.Path.Combine(Path, "finalseg", "prob_emit.py") : System.IO.Path.Combine(Path, "prob_emit.json");

    /// <summary>The folder named by the argument, else by $SPEECHQA_JIEBA_DIR, else the one beside the program; its layout detected and every file checked.</summary>
    public static JiebaDataFolder Locate(string? path = null)
    {
        var named = path ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } variable ? variable : null);
        var root = System.IO.Path.GetFullPath(named ?? DefaultPath);
        var layout = File.Exists(System.IO.Path.Combine(root, "finalseg", "prob_emit.py")) ? JiebaDataLayout.PythonPackage : JiebaDataLayout.JiebaNetPackage;
        var folder = new JiebaDataFolder(root, layout);
        foreach (var file in new[] { folder.Dictionary, folder.Idf, folder.StartProbabilities, folder.TransitionProbabilities, folder.EmissionProbabilities })
        {
            if (file is not null && !File.Exists(file))
            {
                throw new JiebaDataException(named is null
                    ? $"缺少 jieba 词典数据 jieba data missing: {file} not found beside the program (the build copies it from the jieba.NET package; rebuild, or set {EnvironmentVariable})"
                    : $"缺少 jieba 词典数据 jieba data missing: {file} not found in {root} (named by --jieba-dir or {EnvironmentVariable}): give a folder with dict.txt, idf.txt and prob_*.json (jieba.NET) or dict.txt, analyse/idf.txt and finalseg/prob_*.py (Python jieba)");
            }
        }
        return folder;
    }
}

/// <summary>jieba's data files are missing or malformed; the message names the file (and line).</summary>
public sealed class JiebaDataException(string message) : Exception(message);
