-- The run store on PostgreSQL: the same tables and columns as the SQLite store (RunStore's DDL), with
-- DOUBLE PRECISION where SQLite's REAL is already 8 bytes (PostgreSQL's REAL is 4 and would round scores).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, task TEXT NOT NULL, model TEXT NOT NULL, endpoint TEXT NOT NULL,
  settings_key TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
  planned INTEGER NOT NULL, score DOUBLE PRECISION, manifest TEXT NOT NULL, record TEXT);
CREATE INDEX IF NOT EXISTS runs_by_settings ON runs (settings_key, status);

CREATE TABLE IF NOT EXISTS samples (
  run_id TEXT NOT NULL, task TEXT NOT NULL, sample_id TEXT NOT NULL, epoch INTEGER NOT NULL,
  record TEXT NOT NULL, score DOUBLE PRECISION, status TEXT NOT NULL,
  PRIMARY KEY (run_id, sample_id, epoch));

CREATE TABLE IF NOT EXISTS response_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at TEXT NOT NULL);

-- Who holds a run (PgRunLock): the advisory lock is the lock; this row only names the holder in a refusal.
CREATE TABLE IF NOT EXISTS run_locks (run_id TEXT PRIMARY KEY, holder TEXT NOT NULL, since TEXT NOT NULL);

INSERT INTO meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING;
