namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Labelled texts as UTF-8 TSV, one per line: <c>LABEL&lt;TAB&gt;TEXT[&lt;TAB&gt;GROUP]</c>, or with a speaker column
/// <c>LABEL&lt;TAB&gt;SPEAKER&lt;TAB&gt;TEXT[&lt;TAB&gt;GROUP]</c> (the dialogue acts); blank lines and lines starting
/// with # are skipped. A malformed line fails the whole file with its line number (a model trained on half a file
/// would be silently wrong).
/// </summary>
public static class TrainingDataFile
{
    public static readonly IReadOnlyList<string> Speakers = ["agent", "customer"];

    public static List<LabelledText> Read(string path, bool speakerColumn = false)
    {
        var examples = new List<LabelledText>();
        var number = 0;
        var textField = speakerColumn ? 2 : 1;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var fields = line.Split('\t');
            if (fields.Length < textField + 1 || fields.Length > textField + 2 || fields[0].Trim().Length == 0 || fields[textField].Trim().Length == 0)
            {
                var layout = speakerColumn ? "LABEL<TAB>SPEAKER<TAB>TEXT[<TAB>GROUP]" : "LABEL<TAB>TEXT[<TAB>GROUP]";
                throw new FormatException($"{path}:{number}: 需要 expected {layout}, got {fields.Length} field(s): {Shorten(line)}");
            }
            string? speaker = null;
            if (speakerColumn)
            {
                speaker = fields[1].Trim();
                if (!Speakers.Contains(speaker))
                    throw new FormatException($"{path}:{number}: 说话人 speaker must be {string.Join(" or ", Speakers)}, got '{Shorten(speaker)}'");
            }
            var group = fields.Length == textField + 2 && fields[^1].Trim().Length > 0 ? fields[^1].Trim() : null;
            examples.Add(new LabelledText(fields[0].Trim(), fields[textField].Trim(), group, speaker));
        }
        if (examples.Count == 0)
            throw new FormatException($"{path}: 没有样本 no examples");
        return examples;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
