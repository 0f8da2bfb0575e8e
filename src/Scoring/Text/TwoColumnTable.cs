namespace SpeechQa.Scoring.Text;

/// <summary>
/// The dictionary tables admins edit under rules/dict (pinyin.txt, dialect.txt): one <c>KEY&lt;TAB&gt;VALUE</c> pair per
/// line, blank lines and # comments skipped; a line that is not two non-empty columns is an error naming file:line.
/// </summary>
public static class TwoColumnTable
{
    public readonly record struct Row(int Line, string Key, string Value);

    public static IEnumerable<Row> Read(string path, string expected)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new FormatException($"{path}:{number}: {expected}, got '{line}'");
            yield return new Row(number, parts[0], parts[1]);
        }
    }
}
