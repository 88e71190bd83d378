//! [`SqliteStorage`]: the [`Storage`] contract on one SQLite file.
//!
//! Every method is one short transaction: writes take the write lock up front
//! (`BEGIN IMMEDIATE`), so reading `MAX(number)` and inserting the next trial cannot
//! interleave with another process doing the same; reads run in a deferred
//! transaction, so a snapshot assembled from several tables is consistent. A busy file
//! is waited for and retried ([`retry`](super::retry)), never reported to the caller
//! while other processes make progress.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension};
use vilfredo_core::Direction;
use vilfredo_study::storage::{check_constraints, check_finish, check_new_state, check_param};
use vilfredo_study::{
    AttrKind, Distribution, Error, FinishedSince, FrozenTrial, Result, Storage, StudyId, StudyInfo,
    StudySummary, TrialId, TrialParam, TrialState, now,
};

use super::codec::{
    attr_kind, directions_from_json, directions_to_json, distribution_from_json,
    distribution_to_json, floats_to_json, state_from_str, value_to_json,
};
use super::connection::{Durability, open_connection};
use super::retry::{Op, with_retry};
use super::rows::{
    head, load_studies, load_trial, load_trials, open_head, study_name, study_not_found,
};
use super::schema::migrate;

/// A [`Storage`] in one SQLite file, shared by any number of threads and processes.
///
/// Open it with [`SqliteStorage::open`] (or [`crate::open`] with an `sqlite:///` URL).
/// One connection serves the whole process, behind a mutex; each worker process opens
/// its own.
#[derive(Debug)]
pub struct SqliteStorage {
    path: PathBuf,
    conn: Mutex<Connection>,
}

/// Whether an operation writes (and so takes the write lock up front).
#[derive(Clone, Copy)]
enum Access {
    Read,
    Write,
}

impl SqliteStorage {
    /// Opens the store at `path`, creating the file and upgrading its schema as needed.
    ///
    /// # Errors
    /// `Storage` naming the path and the cause: missing directory, a file that is not
    /// an SQLite database or not a vilfredo store, a schema newer than this code, a file
    /// that cannot be written.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, Durability::default())
    }

    /// Opens the store at `path` with the given [`Durability`] for this connection's
    /// commits.
    ///
    /// # Errors
    /// As [`open`](Self::open).
    pub fn open_with(path: impl AsRef<Path>, durability: Durability) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let mut conn = open_connection(&path, durability)?;
        migrate(&mut conn, &path)?;
        Ok(Self {
            path,
            conn: Mutex::new(conn),
        })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>> {
        self.conn.lock().map_err(|_| {
            Error::Storage(format!(
                "SQLite store {}: the connection's lock was poisoned by a panic",
                self.path.display()
            ))
        })
    }

    /// Runs `f` in one transaction, retried while the file is busy.
    ///
    /// `BEGIN` and `COMMIT` go through the statement cache too: parsing them again for
    /// every one of the eight or so transactions of a trial is measurable.
    fn run<T>(
        &self,
        what: &str,
        access: Access,
        mut f: impl FnMut(&Connection) -> Op<T>,
    ) -> Result<T> {
        let conn = self.lock()?;
        let begin = match access {
            Access::Read => "BEGIN DEFERRED",
            Access::Write => "BEGIN IMMEDIATE",
        };
        with_retry(&self.path, what, || {
            conn.prepare_cached(begin)?.execute([])?;
            let done = f(&conn).and_then(|v| {
                conn.prepare_cached("COMMIT")?.execute([])?;
                Ok(v)
            });
            if done.is_err() && !conn.is_autocommit() {
                // Undo the partial write; if even that fails the connection is unusable
                // and the next BEGIN reports it.
                let _ = conn.execute_batch("ROLLBACK");
            }
            done
        })
    }
}

fn study_exists(conn: &Connection, study: StudyId) -> Op<()> {
    let found: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM studies WHERE id = ?1)")?
        .query_row([study.0], |r| r.get(0))?;
    if found {
        Ok(())
    } else {
        Err(study_not_found(study).into())
    }
}

/// The first distribution the study used for parameter `name`.
fn study_param(conn: &Connection, study: StudyId, name: &str) -> Op<Option<Distribution>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT distribution FROM study_params WHERE study_id = ?1 AND name = ?2")?
        .query_row((study.0, name), |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| distribution_from_json(&t)).transpose()?)
}

/// Records a parameter in a trial (checks done) and, if new, in the study.
fn insert_param(
    conn: &Connection,
    study: StudyId,
    trial: i64,
    position: i64,
    p: &TrialParam,
) -> Op<()> {
    let d = distribution_to_json(&p.distribution)?;
    conn.prepare_cached(
        "INSERT INTO trial_params (trial_id, position, name, internal, distribution)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute((trial, position, &p.name, p.internal, &d))?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO study_params (study_id, name, distribution) VALUES (?1, ?2, ?3)",
    )?
    .execute((study.0, &p.name, &d))?;
    Ok(())
}

/// Finishes trial `id` (known to be open) and gives it the next place in the study's
/// finishing order; returns the final snapshot.
fn finish(
    conn: &Connection,
    study: StudyId,
    id: i64,
    state: TrialState,
    values: Option<&[f64]>,
) -> Op<FrozenTrial> {
    let seq: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(finish_seq), 0) + 1 FROM trials WHERE study_id = ?1")?
        .query_row([study.0], |r| r.get(0))?;
    conn.prepare_cached(
        "UPDATE trials SET state = ?2, objective_values = ?3, datetime_complete = ?4,
                           finish_seq = ?5
         WHERE id = ?1",
    )?
    .execute((id, state.as_str(), values.map(floats_to_json), now(), seq))?;
    load_trial(conn, id)
}

/// Order by trial number for queries that select trials by state. The unary `+` keeps
/// SQLite from walking the `(study_id, number)` index, which yields the order but visits
/// every trial of the study; so it looks the few RUNNING or WAITING trials up in
/// `trials_study_state` and sorts them instead. Without it a sampler's per-ask query for
/// RUNNING trials grows with the study (168 NSGA-II trials/s at 100,000 trials).
const BY_NUMBER_AMONG_STATES: &str = "+t.number";

/// The first enqueued trial of a study (`+number`: see [`BY_NUMBER_AMONG_STATES`]).
const FIRST_WAITING: &str = "SELECT id FROM trials WHERE study_id = ?1 AND state = 'WAITING'
     ORDER BY +number LIMIT 1";

/// The running trials of a study whose last heartbeat is older than a deadline
/// (`+number`: see [`BY_NUMBER_AMONG_STATES`]).
const STALE_RUNNING: &str = "SELECT id FROM trials
     WHERE study_id = ?1 AND state = 'RUNNING' AND heartbeat < ?2 ORDER BY +number";

/// SQL for `t.state IN (...)` from the fixed state names (no user text reaches it).
fn state_filter(states: &[TrialState]) -> String {
    if states.is_empty() {
        return "0".into();
    }
    let names: Vec<String> = states.iter().map(|s| format!("'{}'", s.as_str())).collect();
    format!("t.state IN ({})", names.join(", "))
}

impl Storage for SqliteStorage {
    fn create_study(&self, name: &str, directions: &[Direction]) -> Result<StudyId> {
        let dirs = directions_to_json(directions);
        self.run("create_study", Access::Write, |tx| {
            let taken: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM studies WHERE name = ?1)")?
                .query_row([name], |r| r.get(0))?;
            if taken {
                return Err(Error::DuplicatedStudy { name: name.into() }.into());
            }
            tx.prepare_cached("INSERT INTO studies (name, directions) VALUES (?1, ?2)")?
                .execute((name, &dirs))?;
            Ok(StudyId(tx.last_insert_rowid()))
        })
    }

    fn find_study(&self, name: &str) -> Result<Option<StudyInfo>> {
        self.run("find_study", Access::Read, |tx| {
            Ok(load_studies(tx, "s.name = ?1", &[&name])?.pop())
        })
    }

    fn study(&self, study: StudyId) -> Result<StudyInfo> {
        self.run("study", Access::Read, |tx| {
            load_studies(tx, "s.id = ?1", &[&study.0])?
                .pop()
                .ok_or_else(|| study_not_found(study).into())
        })
    }

    fn list_studies(&self) -> Result<Vec<StudySummary>> {
        self.run("list_studies", Access::Read, |tx| {
            let mut out: Vec<StudySummary> = load_studies(tx, "1", &[])?
                .into_iter()
                .map(|info| StudySummary {
                    info,
                    counts: [0; 5],
                    datetime_start: None,
                })
                .collect();
            let mut stmt = tx.prepare_cached(
                "SELECT study_id, state, COUNT(*), MIN(datetime_start)
                 FROM trials GROUP BY study_id, state",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let state = state_from_str(&r.get::<_, String>(1)?)?;
                let count: i64 = r.get(2)?;
                let start: Option<i64> = r.get(3)?;
                if let Some(s) = out.iter_mut().find(|s| s.info.id.0 == id) {
                    if let Some(i) = TrialState::ALL.iter().position(|x| *x == state) {
                        s.counts[i] = usize::try_from(count).unwrap_or(0);
                    }
                    if let Some(ts) = start {
                        s.datetime_start = Some(s.datetime_start.map_or(ts, |t| t.min(ts)));
                    }
                }
            }
            Ok(out)
        })
    }

    fn delete_study(&self, study: StudyId) -> Result<()> {
        self.run("delete_study", Access::Write, |tx| {
            study_exists(tx, study)?;
            for sql in [
                "DELETE FROM trial_params
                 WHERE trial_id IN (SELECT id FROM trials WHERE study_id = ?1)",
                "DELETE FROM trial_attrs
                 WHERE trial_id IN (SELECT id FROM trials WHERE study_id = ?1)",
                "DELETE FROM trials WHERE study_id = ?1",
                "DELETE FROM study_attrs WHERE study_id = ?1",
                "DELETE FROM study_params WHERE study_id = ?1",
                "DELETE FROM studies WHERE id = ?1",
            ] {
                tx.prepare_cached(sql)?.execute([study.0])?;
            }
            Ok(())
        })
    }

    fn set_study_attr(
        &self,
        study: StudyId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        let text = value_to_json(value);
        self.run("set_study_attr", Access::Write, |tx| {
            study_exists(tx, study)?;
            tx.prepare_cached(
                "INSERT INTO study_attrs (study_id, kind, key, value) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (study_id, kind, key) DO UPDATE SET value = excluded.value",
            )?
            .execute((study.0, attr_kind(kind), key, &text))?;
            Ok(())
        })
    }

    fn create_trial(
        &self,
        study: StudyId,
        state: TrialState,
        params: &[TrialParam],
    ) -> Result<FrozenTrial> {
        check_new_state(state)?;
        self.run("create_trial", Access::Write, |tx| {
            study_exists(tx, study)?;
            for (i, p) in params.iter().enumerate() {
                let earlier = params[..i].iter().find(|q| q.name == p.name);
                let known = study_param(tx, study, &p.name)?;
                check_param(
                    &p.name,
                    p.internal,
                    &p.distribution,
                    earlier,
                    known.as_ref(),
                )?;
            }
            let number: i64 = tx
                .prepare_cached(
                    "SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = ?1",
                )?
                .query_row([study.0], |r| r.get(0))?;
            let start = (state == TrialState::Running).then(now);
            tx.prepare_cached(
                "INSERT INTO trials (study_id, number, state, datetime_start)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((study.0, number, state.as_str(), start))?;
            let id = tx.last_insert_rowid();
            let mut position = 0;
            for (i, p) in params.iter().enumerate() {
                // A name repeated with the same value (check_param allowed it) is kept
                // once, as the in-memory store does through `FrozenTrial::param`.
                if params[..i].iter().any(|q| q.name == p.name) {
                    continue;
                }
                insert_param(tx, study, id, position, p)?;
                position += 1;
            }
            load_trial(tx, id)
        })
    }

    fn claim_waiting_trial(&self, study: StudyId) -> Result<Option<FrozenTrial>> {
        // Asking is far more common than enqueuing: look without the write lock first.
        let any = self.run("claim_waiting_trial", Access::Read, |tx| {
            study_exists(tx, study)?;
            Ok(tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM trials
                                    WHERE study_id = ?1 AND state = 'WAITING')",
                )?
                .query_row([study.0], |r| r.get::<_, bool>(0))?)
        })?;
        if !any {
            return Ok(None);
        }
        self.run("claim_waiting_trial", Access::Write, |tx| {
            let id: Option<i64> = tx
                .prepare_cached(FIRST_WAITING)?
                .query_row([study.0], |r| r.get(0))
                .optional()?;
            let Some(id) = id else {
                return Ok(None);
            };
            tx.prepare_cached(
                "UPDATE trials SET state = 'RUNNING', datetime_start = ?2 WHERE id = ?1",
            )?
            .execute((id, now()))?;
            Ok(Some(load_trial(tx, id)?))
        })
    }

    fn set_trial_param(
        &self,
        trial: TrialId,
        name: &str,
        internal: f64,
        distribution: &Distribution,
    ) -> Result<()> {
        self.run("set_trial_param", Access::Write, |tx| {
            let h = open_head(tx, trial.0)?;
            let known = study_param(tx, h.study, name)?;
            let existing: Option<(f64, String)> = tx
                .prepare_cached(
                    "SELECT internal, distribution FROM trial_params
                     WHERE trial_id = ?1 AND name = ?2",
                )?
                .query_row((trial.0, name), |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let existing = existing
                .map(|(internal, d)| {
                    distribution_from_json(&d).map(|distribution| TrialParam {
                        name: name.to_owned(),
                        internal,
                        distribution,
                    })
                })
                .transpose()?;
            check_param(
                name,
                internal,
                distribution,
                existing.as_ref(),
                known.as_ref(),
            )?;
            if existing.is_some() {
                return Ok(());
            }
            let position: i64 = tx
                .prepare_cached(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM trial_params WHERE trial_id = ?1",
                )?
                .query_row([trial.0], |r| r.get(0))?;
            let p = TrialParam {
                name: name.to_owned(),
                internal,
                distribution: distribution.clone(),
            };
            insert_param(tx, h.study, trial.0, position, &p)
        })
    }

    fn set_trial_attr(
        &self,
        trial: TrialId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        let text = value_to_json(value);
        self.run("set_trial_attr", Access::Write, |tx| {
            open_head(tx, trial.0)?;
            tx.prepare_cached(
                "INSERT INTO trial_attrs (trial_id, kind, key, value) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (trial_id, kind, key) DO UPDATE SET value = excluded.value",
            )?
            .execute((trial.0, attr_kind(kind), key, &text))?;
            Ok(())
        })
    }

    fn set_trial_constraints(&self, trial: TrialId, constraints: &[f64]) -> Result<()> {
        check_constraints(constraints)?;
        let text = floats_to_json(constraints);
        self.run("set_trial_constraints", Access::Write, |tx| {
            open_head(tx, trial.0)?;
            tx.prepare_cached("UPDATE trials SET constraints = ?2 WHERE id = ?1")?
                .execute((trial.0, &text))?;
            Ok(())
        })
    }

    fn finish_trial(
        &self,
        trial: TrialId,
        state: TrialState,
        values: Option<&[f64]>,
    ) -> Result<FrozenTrial> {
        check_finish(state, values)?;
        self.run("finish_trial", Access::Write, |tx| {
            let h = head(tx, trial.0)?;
            if let Some(v) = values {
                let dirs: String = tx
                    .prepare_cached("SELECT directions FROM studies WHERE id = ?1")?
                    .query_row([h.study.0], |r| r.get(0))?;
                let n = directions_from_json(&dirs)?.len();
                if v.len() != n {
                    return Err(Error::from(vilfredo_core::Error::DimensionMismatch {
                        what: "objective values",
                        expected: n,
                        found: v.len(),
                    })
                    .into());
                }
            }
            if h.state.is_finished() {
                return Err(Error::TrialFinished {
                    number: h.number,
                    state: h.state,
                }
                .into());
            }
            finish(tx, h.study, trial.0, state, values)
        })
    }

    fn trial(&self, trial: TrialId) -> Result<FrozenTrial> {
        self.run("trial", Access::Read, |tx| load_trial(tx, trial.0))
    }

    fn trial_by_number(&self, study: StudyId, number: u64) -> Result<FrozenTrial> {
        let n = i64::try_from(number).unwrap_or(i64::MAX);
        self.run("trial_by_number", Access::Read, |tx| {
            let name = study_name(tx, study)?;
            load_trials(
                tx,
                "t.study_id = ?1 AND t.number = ?2",
                &[&study.0, &n],
                "t.number",
            )?
            .pop()
            .ok_or_else(|| {
                Error::TrialNotFound {
                    study: name,
                    what: format!("number {number}"),
                }
                .into()
            })
        })
    }

    fn trials(&self, study: StudyId, states: Option<&[TrialState]>) -> Result<Vec<FrozenTrial>> {
        let (filter, order) = match states {
            Some(s) => (
                format!("t.study_id = ?1 AND {}", state_filter(s)),
                BY_NUMBER_AMONG_STATES,
            ),
            None => ("t.study_id = ?1".to_owned(), "t.number"),
        };
        self.run("trials", Access::Read, |tx| {
            study_exists(tx, study)?;
            load_trials(tx, &filter, &[&study.0], order)
        })
    }

    fn finished_since(&self, study: StudyId, cursor: u64) -> Result<FinishedSince> {
        let from = i64::try_from(cursor).unwrap_or(i64::MAX);
        self.run("finished_since", Access::Read, |tx| {
            study_exists(tx, study)?;
            let last: i64 = tx
                .prepare_cached(
                    "SELECT COALESCE(MAX(finish_seq), 0) FROM trials WHERE study_id = ?1",
                )?
                .query_row([study.0], |r| r.get(0))?;
            let trials = if last > from {
                load_trials(
                    tx,
                    "t.study_id = ?1 AND t.finish_seq > ?2",
                    &[&study.0, &from],
                    "t.finish_seq",
                )?
            } else {
                Vec::new()
            };
            Ok(FinishedSince {
                trials,
                cursor: u64::try_from(last).unwrap_or(0),
            })
        })
    }

    fn record_heartbeat(&self, trial: TrialId) -> Result<()> {
        self.run("record_heartbeat", Access::Write, |tx| {
            open_head(tx, trial.0)?;
            tx.prepare_cached("UPDATE trials SET heartbeat = ?2 WHERE id = ?1")?
                .execute((trial.0, now()))?;
            Ok(())
        })
    }

    fn fail_stale_trials(&self, study: StudyId, grace_ms: i64) -> Result<Vec<FrozenTrial>> {
        // Called at every ask of a study with heartbeats: look without the write lock.
        let any = self.run("fail_stale_trials", Access::Read, |tx| {
            study_exists(tx, study)?;
            let deadline = now().saturating_sub(grace_ms);
            Ok(tx
                .prepare_cached(STALE_RUNNING)?
                .query_row((study.0, deadline), |_| Ok(()))
                .optional()?
                .is_some())
        })?;
        if !any {
            return Ok(Vec::new());
        }
        self.run("fail_stale_trials", Access::Write, |tx| {
            let deadline = now().saturating_sub(grace_ms);
            let ids: Vec<i64> = tx
                .prepare_cached(STALE_RUNNING)?
                .query_map((study.0, deadline), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter()
                .map(|id| finish(tx, study, id, TrialState::Failed, None))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's plan for `sql`, one line per step.
    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }

    /// The queries a sampler or a heartbeat check runs at every ask look the few RUNNING
    /// or WAITING trials up by state, instead of walking every trial of the study, so
    /// their cost does not grow with the study.
    #[test]
    fn queries_by_state_use_the_state_index() {
        let dir = std::env::temp_dir().join(format!("vilfredo-plan-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plan.db");
        let _ = std::fs::remove_file(&path);
        let store = SqliteStorage::open(&path).unwrap();
        let conn = store.conn.lock().unwrap();
        let by_state = format!(
            "t.study_id = 1 AND {}",
            state_filter(&[TrialState::Running])
        );
        let running = crate::sqlite::rows::trials_sql(&by_state, BY_NUMBER_AMONG_STATES);
        let first_waiting = FIRST_WAITING.replace("?1", "1");
        let stale = STALE_RUNNING.replace("?1", "1").replace("?2", "0");
        for sql in [running.as_str(), &first_waiting, &stale] {
            let p = plan(&conn, sql);
            assert!(p.contains("trials_study_state"), "{sql}\n{p}");
        }
        // Ordered by the plain number, SQLite prefers walking (study_id, number).
        let walking = crate::sqlite::rows::trials_sql(&by_state, "t.number");
        assert!(!plan(&conn, &walking).contains("trials_study_state"));
        drop(conn);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
