//! The handle an objective receives: define-by-run parameter suggestions.

use crate::distribution::{Choice, Distribution, ParamValue};
use crate::error::Result;
use crate::frozen::{FrozenTrial, TrialId, TrialParam};
use crate::storage::AttrKind;
use crate::study::Study;

/// A running trial. The objective asks it for parameter values as it needs them
/// (`suggest_*`), so the search space may depend on earlier answers: a parameter asked
/// for only in one branch exists only in the trials that took that branch.
///
/// Each suggestion is written to the storage at once, so a worker that dies leaves a
/// trial whose parameters are known.
#[derive(Debug)]
pub struct Trial {
    study: Study,
    snapshot: FrozenTrial,
    /// How many of the snapshot's parameters were fixed before the trial started (an
    /// enqueued trial's): those only need to fit a later definition, not equal it.
    n_fixed: usize,
}

impl Trial {
    pub(crate) fn new(study: Study, snapshot: FrozenTrial) -> Self {
        let n_fixed = snapshot.params.len();
        Self {
            study,
            snapshot,
            n_fixed,
        }
    }

    /// The trial's 0-based number in its study.
    pub fn number(&self) -> u64 {
        self.snapshot.number
    }

    /// The storage's identifier of the trial.
    pub fn id(&self) -> TrialId {
        self.snapshot.id
    }

    /// The parameters suggested (or fixed in advance) so far.
    pub fn params(&self) -> &[TrialParam] {
        &self.snapshot.params
    }

    /// What is known about the trial so far.
    pub fn snapshot(&self) -> &FrozenTrial {
        &self.snapshot
    }

    /// The study the trial belongs to.
    pub fn study(&self) -> &Study {
        &self.study
    }

    /// A float uniformly in `[low, high]`.
    ///
    /// # Errors
    /// When the range is invalid, or `name` was used before with another range.
    pub fn suggest_float(&mut self, name: &str, low: f64, high: f64) -> Result<f64> {
        self.suggest_float_with(name, low, high, false, None)
    }

    /// A float in `[low, high]`, log-uniform with `log`, on the grid `low + k·step`
    /// with a step.
    ///
    /// # Errors
    /// As [`Distribution::float`], or when `name` was used before with another range.
    pub fn suggest_float_with(
        &mut self,
        name: &str,
        low: f64,
        high: f64,
        log: bool,
        step: Option<f64>,
    ) -> Result<f64> {
        let d = Distribution::float(low, high, log, step)?;
        self.suggest_internal(name, &d)
    }

    /// An integer uniformly in `[low, high]`.
    ///
    /// # Errors
    /// When the range is invalid, or `name` was used before with another range.
    pub fn suggest_int(&mut self, name: &str, low: i64, high: i64) -> Result<i64> {
        self.suggest_int_with(name, low, high, false, 1)
    }

    /// An integer in `[low, high]` on the grid `low + k·step`, log-uniform with `log`.
    ///
    /// # Errors
    /// As [`Distribution::int`], or when `name` was used before with another range.
    pub fn suggest_int_with(
        &mut self,
        name: &str,
        low: i64,
        high: i64,
        log: bool,
        step: i64,
    ) -> Result<i64> {
        let d = Distribution::int(low, high, log, step)?;
        Ok(self.suggest_internal(name, &d)? as i64)
    }

    /// One of `choices`.
    ///
    /// # Errors
    /// When there are no choices, or `name` was used before with other choices.
    pub fn suggest_categorical(&mut self, name: &str, choices: &[Choice]) -> Result<Choice> {
        let d = Distribution::categorical(choices.to_vec())?;
        match self.suggest(name, &d)? {
            ParamValue::Choice(c) => Ok(c),
            other => Err(crate::error::invalid(
                "choices",
                format!("internal error: categorical {name:?} produced {other}"),
            )),
        }
    }

    /// A value of parameter `name` from `distribution`, as the objective sees it.
    ///
    /// # Errors
    /// When `name` was used before with another distribution (in this trial, or as
    /// another kind in this study), or the storage fails.
    pub fn suggest(&mut self, name: &str, distribution: &Distribution) -> Result<ParamValue> {
        Ok(distribution.to_external(self.suggest_internal(name, distribution)?))
    }

    fn suggest_internal(&mut self, name: &str, distribution: &Distribution) -> Result<f64> {
        let position = self.snapshot.params.iter().position(|p| p.name == name);
        if let Some(i) = position {
            let p = &self.snapshot.params[i];
            let fixed = i < self.n_fixed;
            // Asked again, or fixed in advance by an enqueued trial (whose stored
            // distribution may be broader): the same value, if it fits this definition.
            if p.distribution == *distribution
                || (fixed
                    && p.distribution.kind() == distribution.kind()
                    && distribution.contains(p.internal))
            {
                return Ok(p.internal);
            }
            crate::storage::check_param(name, p.internal, distribution, Some(p), None)?;
        }
        let internal = self.study.sample(&self.snapshot, name, distribution)?;
        self.study
            .storage()
            .set_trial_param(self.snapshot.id, name, internal, distribution)?;
        self.snapshot.params.push(TrialParam {
            name: name.to_owned(),
            internal,
            distribution: distribution.clone(),
        });
        Ok(internal)
    }

    /// Sets the constraint values (`≤ 0` satisfied); a trial with any positive value is
    /// infeasible and ranks behind every feasible trial.
    ///
    /// # Errors
    /// When a value is NaN or the storage fails.
    pub fn set_constraints(&mut self, constraints: &[f64]) -> Result<()> {
        self.study
            .storage()
            .set_trial_constraints(self.snapshot.id, constraints)?;
        self.snapshot.constraints = Some(constraints.to_vec());
        Ok(())
    }

    /// Sets a user attribute (any JSON value).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn set_user_attr(&mut self, key: &str, value: serde_json::Value) -> Result<()> {
        self.study
            .storage()
            .set_trial_attr(self.snapshot.id, AttrKind::User, key, &value)?;
        self.snapshot.user_attrs.insert(key.to_owned(), value);
        Ok(())
    }

    /// Sets a system attribute (reserved for vilfredo's front doors).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn set_system_attr(&mut self, key: &str, value: serde_json::Value) -> Result<()> {
        self.study
            .storage()
            .set_trial_attr(self.snapshot.id, AttrKind::System, key, &value)?;
        self.snapshot.system_attrs.insert(key.to_owned(), value);
        Ok(())
    }
}
