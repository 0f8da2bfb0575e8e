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
        // Version 8 keys the index by an integer document number and derives a segment's id from it
        // ((doc_no << 20) + seq), so a text match yields its calls straight from the full-text index without a join;
        // documents move to their own table so that filters and sorts scan narrow rows. Existing entries are copied.
        new(8, "search index keyed by document number", "",
            SqliteOnly: $$"""
                DROP TRIGGER search_segments_ai;
                DROP TRIGGER search_segments_ad;
                DROP TABLE search_fts;
                ALTER TABLE search_calls RENAME TO search_calls_v7;
                ALTER TABLE search_hits RENAME TO search_hits_v7;
                ALTER TABLE search_segments RENAME TO search_segments_v7;
                {{SearchIndexV8("INTEGER PRIMARY KEY", "INTEGER", "REAL")}}
                DROP TABLE search_segments_v7;
                DROP TABLE search_hits_v7;
                DROP TABLE search_calls_v7;
                {{SearchIndexV8Indexes}}
                CREATE VIRTUAL TABLE search_fts USING fts5(tokens, chars, content='search_segments', content_rowid='id', tokenize='unicode61');
                INSERT INTO search_fts (search_fts) VALUES ('rebuild');
                CREATE TRIGGER search_segments_ai AFTER INSERT ON search_segments BEGIN
                    INSERT INTO search_fts (rowid, tokens, chars) VALUES (new.id, new.tokens, new.chars);
                END;
                CREATE TRIGGER search_segments_ad AFTER DELETE ON search_segments BEGIN
                    INSERT INTO search_fts (search_fts, rowid, tokens, chars) VALUES ('delete', old.id, old.tokens, old.chars);
                END;
                """,
            PostgresOnly: $$"""
                ALTER TABLE search_calls RENAME TO search_calls_v7;
                ALTER TABLE search_hits RENAME TO search_hits_v7;
                ALTER TABLE search_segments RENAME TO search_segments_v7;
                ALTER TABLE search_calls_v7 RENAME CONSTRAINT search_calls_pkey TO search_calls_v7_pkey;
                ALTER TABLE search_hits_v7 RENAME CONSTRAINT search_hits_pkey TO search_hits_v7_pkey;
                ALTER TABLE search_segments_v7 RENAME CONSTRAINT search_segments_pkey TO search_segments_v7_pkey;
                DROP INDEX ix_search_segments_tsv;
                DROP INDEX ix_search_segments_csv;
                {{SearchIndexV8("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "BIGINT", "DOUBLE PRECISION")}}
                DROP TABLE search_segments_v7;
                DROP TABLE search_hits_v7;
                DROP TABLE search_calls_v7;
                {{SearchIndexV8Indexes}}
                ALTER TABLE search_segments ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED;
                ALTER TABLE search_segments ADD COLUMN csv tsvector GENERATED ALWAYS AS (to_tsvector('simple', chars)) STORED;
                CREATE INDEX ix_search_segments_tsv ON search_segments USING GIN (tsv);
                CREATE INDEX ix_search_segments_csv ON search_segments USING GIN (csv);
                """),
        new(9, "repeat calls", """
                ALTER TABLE call_judgements ADD COLUMN repeat_cues TEXT NULL;
                CREATE TABLE repeat_chains (
                    chain_id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    origin_call_id TEXT NOT NULL,
                    root_cause TEXT NOT NULL,
                    calls INTEGER NOT NULL,
                    first_at_ms {BIGINT} NOT NULL,
                    last_at_ms {BIGINT} NOT NULL,
                    explanation TEXT NOT NULL,
                    call_ids TEXT NOT NULL);
                CREATE INDEX ix_repeat_chains_first ON repeat_chains (first_at_ms);
                CREATE TABLE repeat_members (
                    call_id TEXT PRIMARY KEY,
                    chain_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    origin_call_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    root_cause TEXT NOT NULL);
                CREATE INDEX ix_repeat_members_chain ON repeat_members (chain_id);
                """),
        new(10, "portal users, audit log and hit reviews", """
                CREATE TABLE portal_users (
                    user_name TEXT PRIMARY KEY,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    agent_id TEXT NULL,
                    team TEXT NULL,
                    password_hash TEXT NOT NULL,
                    failed_attempts INTEGER NOT NULL,
                    locked_until_ms {BIGINT} NULL,
                    created_at_ms {BIGINT} NOT NULL);
                CREATE TABLE audit_log (
                    id {IDENTITY},
                    at_ms {BIGINT} NOT NULL,
                    user_name TEXT NOT NULL,
                    action TEXT NOT NULL,
                    call_id TEXT NULL,
                    detail TEXT NULL);
                CREATE INDEX ix_audit_log_call ON audit_log (call_id, at_ms);
                CREATE TABLE hit_reviews (
                    call_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    comment TEXT NULL,
                    reviewer TEXT NOT NULL,
                    reviewed_at_ms {BIGINT} NOT NULL,
                    PRIMARY KEY (call_id, rule));
                CREATE TABLE call_reviews (
                    call_id TEXT PRIMARY KEY,
                    reviewed_score INTEGER NOT NULL,
                    reviewed_fatal INTEGER NOT NULL,
                    reviewer TEXT NOT NULL,
                    reviewed_at_ms {BIGINT} NOT NULL);
                CREATE INDEX ix_call_judgements_queue ON call_judgements (fatal DESC, score, call_id DESC);
                CREATE TABLE appeals (
                    call_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    filed_by TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    filed_at_ms {BIGINT} NOT NULL,
                    status TEXT NOT NULL,
                    ruling TEXT NULL,
                    ruled_by TEXT NULL,
                    ruled_at_ms {BIGINT} NULL,
                    PRIMARY KEY (call_id, rule));
                CREATE INDEX ix_appeals_status ON appeals (status, filed_at_ms);
                CREATE TABLE coaching_sets (
                    id {IDENTITY},
                    name TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    shared_with TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at_ms {BIGINT} NOT NULL);
                CREATE TABLE coaching_clips (
                    id {IDENTITY},
                    set_id {BIGINT} NOT NULL,
                    call_id TEXT NOT NULL,
                    start_s {DOUBLE} NOT NULL,
                    end_s {DOUBLE} NOT NULL,
                    note TEXT NOT NULL,
                    position INTEGER NOT NULL);
                CREATE INDEX ix_coaching_clips_set ON coaching_clips (set_id, position);
                """),
        new(11, "rule releases, inspector assignments, repeat-call report and recording sources", """
                CREATE TABLE rule_releases (
                    version INTEGER PRIMARY KEY,
                    published_by TEXT NOT NULL,
                    published_at_ms {BIGINT} NOT NULL,
                    note TEXT NOT NULL,
                    changed_file TEXT NOT NULL);
                CREATE TABLE rule_release_files (
                    version INTEGER NOT NULL,
                    file TEXT NOT NULL,
                    yaml TEXT NOT NULL,
                    PRIMARY KEY (version, file));
                CREATE TABLE call_assignments (
                    call_id TEXT PRIMARY KEY,
                    inspector TEXT NOT NULL,
                    assigned_by TEXT NOT NULL,
                    assigned_at_ms {BIGINT} NOT NULL,
                    reason TEXT NOT NULL);
                CREATE INDEX ix_call_assignments_inspector ON call_assignments (inspector, call_id);
                CREATE TABLE repeat_reports (
                    id INTEGER PRIMARY KEY,
                    computed_at_ms {BIGINT} NOT NULL,
                    report TEXT NOT NULL);
                CREATE TABLE recording_sources (
                    folder TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    channels TEXT NOT NULL,
                    ruleset TEXT NULL,
                    cron TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at_ms {BIGINT} NOT NULL);
                """),
        // Jobs live in Hangfire's storage now; the call's status in this store is what the reconcile pass enqueues from.
        new(12, "jobs moved to Hangfire", """
                DROP TABLE jobs;
                DROP TABLE recurring_jobs;
                """),
    ];

    /// <summary>Version 8's search tables, filled from version 7's (<c>*_v7</c>); the engine's column types as arguments.</summary>
    private static string SearchIndexV8(string identity, string bigint, string @double) => $"""
                CREATE TABLE search_calls (
                    doc_no {identity},
                    call_id TEXT NOT NULL UNIQUE,
                    started_at_ms {bigint} NOT NULL,
                    direction TEXT NOT NULL,
                    agent_id TEXT NULL,
                    team TEXT NULL,
                    region TEXT NULL,
                    queue TEXT NULL,
                    category TEXT NULL,
                    score INTEGER NULL,
                    sort_score INTEGER NOT NULL,
                    fatal INTEGER NOT NULL,
                    duration_s {@double} NOT NULL);
                CREATE TABLE search_documents (doc_no {bigint} PRIMARY KEY, document TEXT NOT NULL);
                CREATE TABLE search_hits (
                    doc_no {bigint} NOT NULL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    PRIMARY KEY (doc_no, rule));
                CREATE TABLE search_segments (
                    id {bigint} PRIMARY KEY,
                    speaker TEXT NOT NULL,
                    start_s {@double} NOT NULL,
                    to_end_s {@double} NOT NULL,
                    tokens TEXT NOT NULL,
                    chars TEXT NOT NULL);
                INSERT INTO search_calls (call_id, started_at_ms, direction, agent_id, team, region, queue, category, score, sort_score, fatal, duration_s)
                    SELECT call_id, started_at_ms, direction, agent_id, team, region, queue, category, score, sort_score, fatal, duration_s
                    FROM search_calls_v7 ORDER BY started_at_ms, call_id;
                INSERT INTO search_documents (doc_no, document)
                    SELECT c.doc_no, o.document FROM search_calls c JOIN search_calls_v7 o ON o.call_id = c.call_id;
                INSERT INTO search_hits (doc_no, rule, severity)
                    SELECT c.doc_no, h.rule, h.severity FROM search_calls c JOIN search_hits_v7 h ON h.call_id = c.call_id;
                INSERT INTO search_segments (id, speaker, start_s, to_end_s, tokens, chars)
                    SELECT (c.doc_no << 20) + s.seq, s.speaker, s.start_s, s.to_end_s, s.tokens, s.chars
                    FROM search_calls c JOIN search_segments_v7 s ON s.call_id = c.call_id;
                """;

    private const string SearchIndexV8Indexes = """
                CREATE INDEX ix_search_calls_started ON search_calls (started_at_ms, call_id);
                CREATE INDEX ix_search_calls_score ON search_calls (sort_score, started_at_ms, call_id);
                CREATE INDEX ix_search_calls_agent ON search_calls (agent_id, started_at_ms);
                CREATE INDEX ix_search_hits_rule ON search_hits (rule, doc_no);
                """;

    public static int LatestVersion => All[^1].Version;
}
