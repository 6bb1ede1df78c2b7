-- An anzen session database at schema version 1 (sessions and answers only), with data.
-- Kept as written by that version: the migration tests start from it. {{FLOW_HASH}} is the
-- fingerprint of the test flow, filled in by the test.
PRAGMA application_id = 1634630254;
CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        flow_version TEXT NOT NULL,
        flow_hash TEXT NOT NULL,
        flow_ref TEXT NOT NULL,
        respondent TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('self', 'staff')),
        staff TEXT,
        lang TEXT NOT NULL DEFAULT 'ja',
        status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
CREATE TABLE answers (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        value TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (session_id, question_id)
    );
INSERT INTO sessions VALUES ('a1b2c3d4e5f6', 'mini', '1.0.0', '{{FLOW_HASH}}', 'mini', '株式会社移行', 'self', NULL, 'ja',
  'in_progress', '2026-05-01T09:00:00.000+09:00', '2026-05-01T09:05:00.000+09:00');
INSERT INTO sessions VALUES ('0f9e8d7c6b5a', 'mini', '1.0.0', '{{FLOW_HASH}}', 'mini', '有限会社完了', 'staff', '和歌山 花子', 'en',
  'finished', '2026-05-02T10:00:00.000+09:00', '2026-05-02T10:30:00.000+09:00');
INSERT INTO answers VALUES ('a1b2c3d4e5f6', 'company', '"株式会社移行"', '2026-05-01T09:01:00.000+09:00');
INSERT INTO answers VALUES ('a1b2c3d4e5f6', 'staff_count', '3', '2026-05-01T09:02:00.000+09:00');
INSERT INTO answers VALUES ('a1b2c3d4e5f6', 'started', '"2026-04-01"', '2026-05-01T09:03:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'company', '"有限会社完了"', '2026-05-02T10:01:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'staff_count', '40', '2026-05-02T10:02:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'started', '"2026-04-01"', '2026-05-02T10:03:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'copied', '"no"', '2026-05-02T10:04:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'erased', '"yes"', '2026-05-02T10:05:00.000+09:00');
INSERT INTO answers VALUES ('0f9e8d7c6b5a', 'remarks', 'null', '2026-05-02T10:06:00.000+09:00');
PRAGMA user_version = 1;
