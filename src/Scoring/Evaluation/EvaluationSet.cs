using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Rules;

namespace SpeechQa.Scoring.Evaluation;

/// <summary>Whether the team may tune on a set (dev) or only score it (test).</summary>
public enum EvaluationSplit
{
    Dev,
    Test,
}

/// <summary>
/// One author's labelled calls (tests/eval/sets.csv names the sets: set, split, folder, author). A folder holds
/// labels.csv (written by tests/eval/compile_dialogues.py) and transcripts/ID.json in format 2.
/// </summary>
public sealed partial record EvaluationSet(string Name, EvaluationSplit Split, string Author, IReadOnlyList<LabelledCall> Calls)
{
    /// <summary>Every set listed in an index file; folders in it are relative to the index file's own folder.</summary>
    public static IReadOnlyList<EvaluationSet> LoadIndex(string indexFile)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(indexFile))!;
        var lines = File.ReadAllLines(indexFile);
        var header = CsvLine.Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidDataException($"{indexFile}: the header has no '{name}' column");
        var sets = new List<EvaluationSet>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
                continue;
            var row = CsvLine.Split(lines[n]);
            // The author is free text and may hold unquoted commas; but two rows run together (a row appended to a file
            // without a final newline) must not pass as one set.
            if (row.Length > header.Length && GluedRow().IsMatch(string.Join(',', row[header.Length..])))
                throw new InvalidDataException($"{indexFile}:{n + 1}: another set's row follows on the same line (two rows on one line?)");
            var split = row[Col("split")] switch
            {
                "dev" => EvaluationSplit.Dev,
                "test" => EvaluationSplit.Test,
                var other => throw new InvalidDataException($"{indexFile}:{n + 1}: split must be dev or test, not '{other}'"),
            };
            var folder = Path.Combine(root, row[Col("folder")]);
            if (!File.Exists(Path.Combine(folder, "labels.csv")))
                throw new InvalidDataException($"{indexFile}:{n + 1}: {folder} has no labels.csv (run tests/eval/compile_dialogues.py)");
            sets.Add(new EvaluationSet(row[Col("set")], split, row[Col("author")], LoadFolder(folder)));
        }
        return sets;
    }

    // ",dev,sets/x" or ",test,sets/x" — a split and a folder, the middle of another index row.
    [System.Text.RegularExpressions.GeneratedRegex("(^|,)(dev|test),[^,]*/")]
    private static partial System.Text.RegularExpressions.Regex GluedRow();

    /// <summary>The labelled calls of one set folder.</summary>
    public static IReadOnlyList<LabelledCall> LoadFolder(string folder)
    {
        var labels = Path.Combine(folder, "labels.csv");
        var lines = File.ReadAllLines(labels);
        var header = CsvLine.Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        static HashSet<string> Ids(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        var calls = new List<LabelledCall>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
                continue;
            var row = CsvLine.Split(lines[n]);
            string Field(string name) => Col(name) is var i and >= 0 && i < row.Length ? row[i] : "";
            var id = Field("call_id");
            var transcript = TranscriptJson.Parse(File.ReadAllBytes(Path.Combine(folder, "transcripts", id + ".json")));
            var errors = Ids(Field("fatal") + " " + Field("nonfatal"));
            var metadata = new CallMetadata { Direction = Field("direction"), HangupBy = Field("hangup_by"), Queue = Field("queue") };
            calls.Add(new LabelledCall(id, Field("ruleset"), Field("category"), errors, Ids(Field("traps")), metadata, transcript));
        }
        return calls;
    }
}
