namespace SpeechQa.Batch.Store.Migrations;

/// <summary>
/// The schema history, oldest first. Never edit a shipped step: append a new one, so that an existing
/// database upgrades in place. Timestamps are Unix milliseconds (UTC) in both engines. One DDL text serves both engines;
/// {BIGINT}, {DOUBLE} and {IDENTITY} stand for the column types that differ (see <see cref="Migration"/>).
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "calls and transcripts", """
                CREATE TABLE calls (
                    call_id TEXT PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    started_at_ms {BIGINT} NOT NULL,
                    direction TEXT NOT NULL,
                    caller TEXT NOT NULL,
                    agent_id TEXT NOT NULL,
                    agent_name TEXT, team TEXT, queue TEXT, account_no TEXT, region TEXT, hangup_by TEXT,
                    audio_path TEXT, audio_sha256 TEXT, channels TEXT,
                    transcript_path TEXT, transcript_sha256 TEXT,
                    manifest_path TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT,
                    ingested_at_ms {BIGINT} NOT NULL,
                    updated_at_ms {BIGINT} NOT NULL);
                CREATE INDEX ix_calls_status ON calls(status);
                CREATE INDEX ix_calls_started ON calls(started_at_ms);
                CREATE TABLE call_attributes (
                    call_id TEXT NOT NULL REFERENCES calls(call_id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (call_id, name));
                CREATE TABLE transcripts (
                    call_id TEXT PRIMARY KEY REFERENCES calls(call_id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    language TEXT NOT NULL,
                    source TEXT NOT NULL,
                    created_at_ms {BIGINT} NOT NULL);
                CREATE TABLE segments (
                    call_id TEXT NOT NULL REFERENCES transcripts(call_id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    speaker TEXT NOT NULL,
                    start_s {DOUBLE} NOT NULL,
                    end_s {DOUBLE} NOT NULL,
                    text TEXT NOT NULL,
                    extra TEXT,
                    PRIMARY KEY (call_id, idx));
                """),
        new(2, "durable jobs and recurring jobs", """
                CREATE TABLE jobs (
                    id {IDENTITY},
                    job_type TEXT NOT NULL,
                    call_id TEXT,
                    payload TEXT,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    priority INTEGER NOT NULL DEFAULT 0,
                    state TEXT NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    run_at {BIGINT} NOT NULL,
                    lease_owner TEXT,
                    lease_expires_at {BIGINT},
                    created_at {BIGINT} NOT NULL,
                    updated_at {BIGINT} NOT NULL,
                    finished_at {BIGINT},
                    last_error TEXT);
                CREATE INDEX ix_jobs_ready ON jobs(state, priority, run_at);
                CREATE INDEX ix_jobs_call ON jobs(call_id);
                CREATE TABLE recurring_jobs (
                    id TEXT PRIMARY KEY,
                    cron TEXT NOT NULL,
                    job_type TEXT NOT NULL,
                    payload TEXT,
                    next_run_at {BIGINT} NOT NULL,
                    last_run_at {BIGINT},
                    updated_at {BIGINT} NOT NULL);
                """),
        new(3, "call metrics and ingested manifests", """
                CREATE TABLE call_metrics (
                    call_id TEXT PRIMARY KEY REFERENCES calls(call_id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    metrics TEXT NOT NULL,
                    updated_at_ms {BIGINT} NOT NULL);
                CREATE TABLE ingested_manifests (
                    path TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    ingested_at_ms {BIGINT} NOT NULL);
                """),
        new(4, "acoustic metrics from the audio", """
                CREATE TABLE call_acoustics (
                    call_id TEXT PRIMARY KEY REFERENCES calls(call_id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    acoustics TEXT NOT NULL,
                    updated_at_ms {BIGINT} NOT NULL);
                """),
        new(5, "rule hits and scores", """
                CREATE TABLE call_judgements (
                    call_id TEXT PRIMARY KEY REFERENCES calls(call_id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    ruleset TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    fatal INTEGER NOT NULL,
                    hits TEXT NOT NULL,
                    updated_at_ms {BIGINT} NOT NULL);
                """),
        new(6, "call category from the classifier", """
                ALTER TABLE call_judgements ADD COLUMN category TEXT NULL;
                ALTER TABLE call_judgements ADD COLUMN categories TEXT NULL;
                """),
        new(7, "embedded search index", """
                CREATE TABLE search_calls (
                    call_id TEXT PRIMARY KEY,
                    started_at_ms {BIGINT} NOT NULL,
                    direction TEXT NOT NULL,
                    agent_id TEXT NULL,
                    team TEXT NULL,
                    region TEXT NULL,
                    queue TEXT NULL,
                    category TEXT NULL,
                    score INTEGER NULL,
                    sort_score INTEGER NOT NULL,
                    fatal INTEGER NOT NULL,
                    duration_s {DOUBLE} NOT NULL,
                    document TEXT NOT NULL);
                CREATE INDEX ix_search_calls_started ON search_calls (started_at_ms, call_id);
                CREATE INDEX ix_search_calls_score ON search_calls (sort_score, started_at_ms, call_id);
                CREATE INDEX ix_search_calls_agent ON search_calls (agent_id, started_at_ms);
                CREATE TABLE search_hits (
                    call_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    PRIMARY KEY (call_id, rule));
                CREATE INDEX ix_search_hits_rule ON search_hits (rule, call_id);
                CREATE TABLE search_segments (
                    id {IDENTITY},
                    call_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    speaker TEXT NOT NULL,
                    start_s {DOUBLE} NOT NULL,
                    to_end_s {DOUBLE} NOT NULL,
                    tokens TEXT NOT NULL,
                    chars TEXT NOT NULL);
                CREATE INDEX ix_search_segments_call ON search_segments (call_id);
                """,
            SqliteOnly: """
                CREATE VIRTUAL TABLE search_fts USING fts5(tokens, chars, content='search_segments', content_rowid='id', tokenize='unicode61');
                CREATE TRIGGER search_segments_ai AFTER INSERT ON search_segments BEGIN
                    INSERT INTO search_fts (rowid, tokens, chars) VALUES (new.id, new.tokens, new.chars);
                END;
                CREATE TRIGGER search_segments_ad AFTER DELETE ON search_segments BEGIN
                    INSERT INTO search_fts (search_fts, rowid, tokens, chars) VALUES ('delete', old.id, old.tokens, old.chars);
                END;
                """,
            PostgresOnly: """
                ALTER TABLE search_segments ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED;
                ALTER TABLE search_segments ADD COLUMN csv tsvector GENERATED ALWAYS AS (to_tsvector('simple', chars)) STORED;
                CREATE INDEX ix_search_segments_tsv ON search_segments USING GIN (tsv);
                CREATE INDEX ix_search_segments_csv ON search_segments USING GIN (csv);
                """),
    ];

    public static int LatestVersion => All[^1].Version;
}
