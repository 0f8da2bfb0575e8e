namespace SpeechQa.Batch.Store.Migrations;

/// <summary>One schema step. The two engines get their own DDL; the resulting schema is the same.</summary>
public sealed record Migration(int Version, string Name, string Sqlite, string PostgreSql)
{
    public string SqlFor(StoreEngine engine) => engine == StoreEngine.Sqlite ? Sqlite : PostgreSql;
}
