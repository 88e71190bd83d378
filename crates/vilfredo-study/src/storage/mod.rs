//! Where studies and trials live: the [`Storage`] trait and the in-memory store.
//!
//! A storage is shared by every worker of a study, possibly in several processes or on
//! several machines, so each method is one short atomic operation and returns
//! snapshots. Backends (in-memory here; SQLite and PostgreSQL in `vilfredo-storage`)
//! all pass one conformance suite, [`conformance`], which is what makes them
//! interchangeable.

pub mod conformance;
mod memory;

pub use memory::InMemoryStorage;

use vilfredo_core::Direction;

use crate::distribution::Distribution;
use crate::error::Result;
use crate::frozen::{
    FrozenTrial, StudyId, StudyInfo, StudySummary, TrialId, TrialParam, TrialState,
};

/// Which attribute map a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttrKind {
    /// Set by the user (`set_user_attr`).
    User,
    /// Set by vilfredo itself.
    System,
}

/// Finished trials in the order they finished, read incrementally.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedSince {
    /// Trials that finished after the cursor passed in, in finishing order.
    pub trials: Vec<FrozenTrial>,
    /// The cursor to pass next time.
    pub cursor: u64,
}

/// A store of studies and trials shared by the workers of a study.
///
/// Contract (held by [`conformance`]):
/// - every method is atomic, and what it returns is a snapshot that later calls do not
///   change;
/// - trial numbers are assigned by the storage: 0-based, dense and unique per study,
///   whatever the number of concurrent workers;
/// - a finished trial (`Complete`, `Pruned`, `Failed`) is never modified: any write to
///   it fails with [`Error::TrialFinished`](crate::Error::TrialFinished);
/// - within a study, a parameter name keeps one kind (float, int or categorical) across
///   trials, and within a trial one exact distribution;
/// - every finished trial receives a place in the study's finishing order, so
///   [`finished_since`](Storage::finished_since) lets a worker follow the study
///   incrementally, whichever process finished the trials.
pub trait Storage: Send + Sync + std::fmt::Debug {
    /// Creates a study.
    ///
    /// # Errors
    /// [`Error::DuplicatedStudy`](crate::Error::DuplicatedStudy) when the name is taken.
    fn create_study(&self, name: &str, directions: &[Direction]) -> Result<StudyId>;

    /// The study called `name`, if any.
    fn find_study(&self, name: &str) -> Result<Option<StudyInfo>>;

    /// The study with id `study`.
    fn study(&self, study: StudyId) -> Result<StudyInfo>;

    /// Every study with its trial counts, ordered by id.
    fn list_studies(&self) -> Result<Vec<StudySummary>>;

    /// Deletes a study and all its trials.
    fn delete_study(&self, study: StudyId) -> Result<()>;

    /// Sets a study attribute (JSON value).
    fn set_study_attr(
        &self,
        study: StudyId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()>;

    /// Creates a trial in state `Running` or `Waiting`, with parameters fixed in advance
    /// (for enqueued trials), and gives it the next number.
    fn create_trial(
        &self,
        study: StudyId,
        state: TrialState,
        params: &[TrialParam],
    ) -> Result<FrozenTrial>;

    /// Atomically moves the oldest `Waiting` trial of the study to `Running` and returns
    /// it, so two workers never claim the same one.
    fn claim_waiting_trial(&self, study: StudyId) -> Result<Option<FrozenTrial>>;

    /// Records a parameter of a running trial (idempotent for the same value and
    /// distribution).
    ///
    /// # Errors
    /// `IncompatibleParam` when the trial already has this parameter with another
    /// distribution or value, or the study uses the name for another kind;
    /// `TrialFinished` when the trial is finished.
    fn set_trial_param(
        &self,
        trial: TrialId,
        name: &str,
        internal: f64,
        distribution: &Distribution,
    ) -> Result<()>;

    /// Sets a trial attribute (JSON value) of an unfinished trial.
    fn set_trial_attr(
        &self,
        trial: TrialId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()>;

    /// Sets the constraint values of an unfinished trial.
    fn set_trial_constraints(&self, trial: TrialId, constraints: &[f64]) -> Result<()>;

    /// Finishes a running trial: `Complete` with values, `Pruned` or `Failed` with
    /// optional values. Returns the final snapshot.
    ///
    /// # Errors
    /// `TrialFinished` when it is already finished; `Invalid` when `state` is not a
    /// finished state, or a complete trial has no values.
    fn finish_trial(
        &self,
        trial: TrialId,
        state: TrialState,
        values: Option<&[f64]>,
    ) -> Result<FrozenTrial>;

    /// The trial with id `trial`.
    fn trial(&self, trial: TrialId) -> Result<FrozenTrial>;

    /// The trial of `study` numbered `number`.
    fn trial_by_number(&self, study: StudyId, number: u64) -> Result<FrozenTrial>;

    /// The trials of a study, by number, optionally only those in `states`.
    fn trials(&self, study: StudyId, states: Option<&[TrialState]>) -> Result<Vec<FrozenTrial>>;

    /// The trials that finished after `cursor` (0 at first), in finishing order.
    fn finished_since(&self, study: StudyId, cursor: u64) -> Result<FinishedSince>;

    /// Records that the worker running `trial` is alive.
    fn record_heartbeat(&self, trial: TrialId) -> Result<()>;

    /// Fails every running trial of the study whose last heartbeat is older than
    /// `grace_ms` milliseconds (trials that never beat are left alone: their worker did
    /// not ask for heartbeats). Returns the trials failed by this call.
    fn fail_stale_trials(&self, study: StudyId, grace_ms: i64) -> Result<Vec<FrozenTrial>>;
}

/// The check every backend applies to `create_trial`'s state.
pub fn check_new_state(state: TrialState) -> Result<()> {
    if matches!(state, TrialState::Running | TrialState::Waiting) {
        Ok(())
    } else {
        Err(crate::error::invalid(
            "state",
            format!("a new trial is RUNNING or WAITING, not {state}"),
        ))
    }
}

/// The check every backend applies to `set_trial_constraints`' values.
pub fn check_constraints(constraints: &[f64]) -> Result<()> {
    match constraints.iter().position(|c| c.is_nan()) {
        Some(i) => Err(crate::error::invalid(
            "constraints",
            format!("constraint {i} is NaN"),
        )),
        None => Ok(()),
    }
}

/// The checks every backend applies to `finish_trial`'s arguments.
pub fn check_finish(state: TrialState, values: Option<&[f64]>) -> Result<()> {
    use crate::error::invalid;
    if !state.is_finished() {
        return Err(invalid(
            "state",
            format!("a trial can only be finished as COMPLETE, PRUNED or FAILED, not {state}"),
        ));
    }
    if state == TrialState::Complete && values.is_none() {
        return Err(invalid("values", "a COMPLETE trial needs objective values"));
    }
    if let Some(v) = values
        && let Some(i) = v.iter().position(|x| x.is_nan())
    {
        return Err(invalid("values", format!("objective {i} is NaN")));
    }
    Ok(())
}

/// The checks every backend applies when a parameter is set on a trial that may have it
/// already, or in a study that uses the name with some distribution.
pub fn check_param(
    name: &str,
    internal: f64,
    distribution: &Distribution,
    in_trial: Option<&TrialParam>,
    in_study: Option<&Distribution>,
) -> Result<()> {
    use crate::Error;
    if !distribution.contains(internal) {
        return Err(Error::IncompatibleParam {
            name: name.to_owned(),
            reason: format!("value {internal} is outside {distribution}"),
        });
    }
    if let Some(p) = in_trial
        && (p.distribution != *distribution || p.internal != internal)
    {
        return Err(Error::IncompatibleParam {
            name: name.to_owned(),
            reason: format!(
                "already set in this trial as {} with {}; it was asked again with {}",
                p.value(),
                p.distribution,
                distribution
            ),
        });
    }
    if let Some(d) = in_study
        && d.kind() != distribution.kind()
    {
        return Err(Error::IncompatibleParam {
            name: name.to_owned(),
            reason: format!(
                "the study uses it as {d}; it cannot also be a {} parameter",
                distribution.kind()
            ),
        });
    }
    Ok(())
}
