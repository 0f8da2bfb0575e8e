using SpeechQa.Batch.Ingestion;

namespace SpeechQa.Scoring.Evaluation;

/// <summary>One line of the label and index files, split by the manifests' own RFC 4180 reader.</summary>
internal static class CsvLine
{
    public static string[] Split(string line)
    {
        using var reader = new StringReader(line);
        foreach (var (_, fields) in CsvRecordReader.Read(reader))
            return [.. fields];
        return [""];
    }
}
