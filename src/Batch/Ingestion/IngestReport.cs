namespace SpeechQa.Batch.Ingestion;

/// <summary>What ingesting one manifest did, row by row.</summary>
public sealed record IngestReport(string Manifest, int Added, int Changed, int Unchanged, IReadOnlyList<RowProblem> Problems)
{
    public int Rejected => Problems.Count;

    public int Rows => Added + Changed + Unchanged + Rejected;
}
