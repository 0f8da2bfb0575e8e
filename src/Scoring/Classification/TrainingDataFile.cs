namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Labelled texts as UTF-8 TSV: <c>LABEL&lt;TAB&gt;TEXT[&lt;TAB&gt;GROUP]</c>, one per line; blank lines and lines starting
/// with # are skipped. A malformed line fails the whole file with its line number (a model trained on half a file
/// would be silently wrong).
/// </summary>
public static class TrainingDataFile
{
    public static List<LabelledText> Read(string path)
    {
        var examples = new List<LabelledText>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var fields = line.Split('\t');
            if (fields.Length is < 2 or > 3 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
                throw new FormatException($"{path}:{number}: 需要 expected LABEL<TAB>TEXT[<TAB>GROUP], got {fields.Length} field(s): {Shorten(line)}");
            examples.Add(new LabelledText(fields[0].Trim(), fields[1].Trim(), fields.Length == 3 && fields[2].Length > 0 ? fields[2].Trim() : null));
        }
        if (examples.Count == 0)
            throw new FormatException($"{path}: 没有样本 no examples");
        return examples;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
