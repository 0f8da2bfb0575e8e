using System.Globalization;

namespace SpeechQa.Scoring.Text;

/// <summary>jieba's analyse/idf.txt (<c>word idf</c> per line) and its median, the weight of words it lacks.</summary>
public sealed class IdfTable
{
    private readonly Dictionary<string, double> _idf;

    private IdfTable(Dictionary<string, double> idf, double median)
    {
        _idf = idf;
        Median = median;
    }

    public double Median { get; }

    public int Count => _idf.Count;

    public double this[string word] => _idf.TryGetValue(word, out var idf) ? idf : Median;

    public static IdfTable Load(string path)
    {
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var fields = raw.Trim().Split(' ');
            if (fields.Length != 2 || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new JiebaDataException($"IDF 表格式错误 invalid idf entry in {path} at line {lineNumber}: '{raw}' (expected 'word idf')");
            idf[fields[0]] = value;
        }
        if (idf.Count == 0)
            throw new JiebaDataException($"IDF 表为空 idf table is empty: {path}");
        var sorted = idf.Values.ToArray();
        Array.Sort(sorted);
        return new IdfTable(idf, sorted[sorted.Length / 2]);
    }
}
