//! Reading studies and trial snapshots out of the tables.
//!
//! A trial's snapshot spans three tables (the trial, its parameters, its attributes).
//! Every loader takes one SQL filter over `trials t` and runs three queries with it,
//! so loading one trial or ten thousand costs three statements, not three per trial.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension, ToSql};
use vilfredo_study::{Error, FrozenTrial, StudyId, StudyInfo, TrialId, TrialParam, TrialState};

use super::codec::{
    directions_from_json, distribution_from_json, floats_from_json, state_from_str, value_from_json,
};
use super::retry::Op;

/// The query of the trials' own columns in [`load_trials`].
pub(crate) fn trials_sql(filter: &str, order: &str) -> String {
    format!(
        "SELECT t.id, t.number, t.state, t.objective_values, t.constraints,
                t.datetime_start, t.datetime_complete
         FROM trials t WHERE {filter} ORDER BY {order}"
    )
}

/// The trials matching `filter` (SQL over the alias `t`, with `args`), ordered by
/// `order` (SQL over `t`).
pub(crate) fn load_trials(
    conn: &Connection,
    filter: &str,
    args: &[&dyn ToSql],
    order: &str,
) -> Op<Vec<FrozenTrial>> {
    let mut trials = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(&trials_sql(filter, order))?;
        let mut rows = stmt.query(args)?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let number: i64 = r.get(1)?;
            let state: String = r.get(2)?;
            let values: Option<String> = r.get(3)?;
            let constraints: Option<String> = r.get(4)?;
            index.insert(id, trials.len());
            trials.push(FrozenTrial {
                id: TrialId(id),
                number: u64::try_from(number).unwrap_or(0),
                state: state_from_str(&state)?,
                values: values
                    .map(|v| floats_from_json("objective values", &v))
                    .transpose()?,
                params: Vec::new(),
                constraints: constraints
                    .map(|c| floats_from_json("constraints", &c))
                    .transpose()?,
                user_attrs: BTreeMap::new(),
                system_attrs: BTreeMap::new(),
                datetime_start: r.get(5)?,
                datetime_complete: r.get(6)?,
            });
        }
    }
    if trials.is_empty() {
        return Ok(trials);
    }
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT p.trial_id, p.name, p.internal, p.distribution
             FROM trial_params p JOIN trials t ON t.id = p.trial_id
             WHERE {filter} ORDER BY p.trial_id, p.position"
        ))?;
        let mut rows = stmt.query(args)?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let distribution: String = r.get(3)?;
            if let Some(&i) = index.get(&id) {
                trials[i].params.push(TrialParam {
                    name: r.get(1)?,
                    internal: r.get(2)?,
                    distribution: distribution_from_json(&distribution)?,
                });
            }
        }
    }
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.trial_id, a.kind, a.key, a.value
             FROM trial_attrs a JOIN trials t ON t.id = a.trial_id WHERE {filter}"
        ))?;
        let mut rows = stmt.query(args)?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(1)?;
            let value: String = r.get(3)?;
            if let Some(&i) = index.get(&id) {
                let t = &mut trials[i];
                let map = if kind == "user" {
                    &mut t.user_attrs
                } else {
                    &mut t.system_attrs
                };
                map.insert(r.get(2)?, value_from_json(&value)?);
            }
        }
    }
    Ok(trials)
}

/// The trial with id `id`.
pub(crate) fn load_trial(conn: &Connection, id: i64) -> Op<FrozenTrial> {
    load_trials(conn, "t.id = ?1", &[&id], "t.id")?
        .pop()
        .ok_or_else(|| trial_not_found(id).into())
}

/// The error for an unknown trial id.
pub(crate) fn trial_not_found(id: i64) -> Error {
    Error::TrialNotFound {
        study: String::new(),
        what: format!("id {id}"),
    }
}

/// The error for an unknown study id.
pub(crate) fn study_not_found(id: StudyId) -> Error {
    Error::StudyNotFound {
        name: format!("id {}", id.0),
        hint: String::new(),
    }
}

/// The name of study `id`.
pub(crate) fn study_name(conn: &Connection, id: StudyId) -> Op<String> {
    conn.prepare_cached("SELECT name FROM studies WHERE id = ?1")?
        .query_row([id.0], |r| r.get(0))
        .optional()?
        .ok_or_else(|| study_not_found(id).into())
}

/// The studies matching `filter` (SQL over the alias `s`), by id, with attributes.
pub(crate) fn load_studies(
    conn: &Connection,
    filter: &str,
    args: &[&dyn ToSql],
) -> Op<Vec<StudyInfo>> {
    let mut studies = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT s.id, s.name, s.directions FROM studies s WHERE {filter} ORDER BY s.id"
        ))?;
        let mut rows = stmt.query(args)?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let directions: String = r.get(2)?;
            index.insert(id, studies.len());
            studies.push(StudyInfo {
                id: StudyId(id),
                name: r.get(1)?,
                directions: directions_from_json(&directions)?,
                user_attrs: BTreeMap::new(),
                system_attrs: BTreeMap::new(),
            });
        }
    }
    if studies.is_empty() {
        return Ok(studies);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.study_id, a.kind, a.key, a.value
         FROM study_attrs a JOIN studies s ON s.id = a.study_id WHERE {filter}"
    ))?;
    let mut rows = stmt.query(args)?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let kind: String = r.get(1)?;
        let value: String = r.get(3)?;
        if let Some(&i) = index.get(&id) {
            let s = &mut studies[i];
            let map = if kind == "user" {
                &mut s.user_attrs
            } else {
                &mut s.system_attrs
            };
            map.insert(r.get(2)?, value_from_json(&value)?);
        }
    }
    Ok(studies)
}

/// What a write needs to know about a trial before changing it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Head {
    /// Its study.
    pub study: StudyId,
    /// Its number.
    pub number: u64,
    /// Its state.
    pub state: TrialState,
}

/// The head of trial `id`.
pub(crate) fn head(conn: &Connection, id: i64) -> Op<Head> {
    let row: Option<(i64, i64, String)> = conn
        .prepare_cached("SELECT study_id, number, state FROM trials WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let (study, number, state) = row.ok_or_else(|| trial_not_found(id))?;
    Ok(Head {
        study: StudyId(study),
        number: u64::try_from(number).unwrap_or(0),
        state: state_from_str(&state)?,
    })
}

/// The head of trial `id`, which must not be finished.
pub(crate) fn open_head(conn: &Connection, id: i64) -> Op<Head> {
    let h = head(conn, id)?;
    if h.state.is_finished() {
        return Err(Error::TrialFinished {
            number: h.number,
            state: h.state,
        }
        .into());
    }
    Ok(h)
}
