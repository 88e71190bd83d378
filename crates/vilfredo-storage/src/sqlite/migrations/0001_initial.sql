-- Schema version 1: studies, trials, their parameters and attributes.
--
-- JSON columns hold text written by serde_json; arrays of floats write +/-infinity as
-- the strings "inf" and "-inf" (JSON has no infinities). Times are milliseconds since
-- the Unix epoch. AUTOINCREMENT keeps ids of deleted studies and trials from being
-- reused, so a stale id never names someone else's trial. Tables keyed by their
-- owner are WITHOUT ROWID: a row lives in its key's b-tree only, so adding a parameter
-- writes one page, not one per index (every commit writes whole pages to the log).

CREATE TABLE studies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    directions  TEXT    NOT NULL  -- JSON array of "minimize" / "maximize"
);

CREATE TABLE study_attrs (
    study_id  INTEGER NOT NULL REFERENCES studies (id),
    kind      TEXT    NOT NULL CHECK (kind IN ('user', 'system')),
    key       TEXT    NOT NULL,
    value     TEXT    NOT NULL,  -- JSON
    PRIMARY KEY (study_id, kind, key)
) WITHOUT ROWID;

-- The first distribution each parameter name was used with in a study: a name keeps
-- one kind (float, int, categorical) across the study's trials.
CREATE TABLE study_params (
    study_id      INTEGER NOT NULL REFERENCES studies (id),
    name          TEXT    NOT NULL,
    distribution  TEXT    NOT NULL,  -- JSON
    PRIMARY KEY (study_id, name)
) WITHOUT ROWID;

CREATE TABLE trials (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id           INTEGER NOT NULL REFERENCES studies (id),
    number             INTEGER NOT NULL,
    state              TEXT    NOT NULL
        CHECK (state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED', 'WAITING')),
    objective_values   TEXT,     -- JSON array, one per direction
    constraints        TEXT,     -- JSON array
    datetime_start     INTEGER,
    datetime_complete  INTEGER,
    heartbeat          INTEGER,  -- last beat of the worker running it
    finish_seq         INTEGER,  -- 1, 2, ... in the order trials of the study finished
    UNIQUE (study_id, number),
    UNIQUE (study_id, finish_seq)
);

CREATE INDEX trials_study_state ON trials (study_id, state);

CREATE TABLE trial_params (
    trial_id      INTEGER NOT NULL REFERENCES trials (id),
    position      INTEGER NOT NULL,  -- order of first suggestion, 0, 1, ...
    name          TEXT    NOT NULL,
    internal      REAL    NOT NULL,
    distribution  TEXT    NOT NULL,  -- JSON
    PRIMARY KEY (trial_id, name)
) WITHOUT ROWID;

CREATE TABLE trial_attrs (
    trial_id  INTEGER NOT NULL REFERENCES trials (id),
    kind      TEXT    NOT NULL CHECK (kind IN ('user', 'system')),
    key       TEXT    NOT NULL,
    value     TEXT    NOT NULL,  -- JSON
    PRIMARY KEY (trial_id, kind, key)
) WITHOUT ROWID;
