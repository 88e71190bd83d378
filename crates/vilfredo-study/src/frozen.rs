//! Trial snapshots: what a storage returns about a trial.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::distribution::{Distribution, ParamValue};

/// A storage's identifier of a study (unique within one storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StudyId(pub i64);

/// A storage's identifier of a trial (unique within one storage, across studies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TrialId(pub i64);

/// Milliseconds since the Unix epoch.
pub type Timestamp = i64;

/// The current time as a [`Timestamp`].
pub fn now() -> Timestamp {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Where a trial is in its life.
///
/// `Waiting` (enqueued, parameters fixed in advance) → `Running` → one of the three
/// finished states. Finished trials never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TrialState {
    /// Being evaluated.
    Running,
    /// Evaluated: it has values.
    Complete,
    /// Stopped early by the objective.
    Pruned,
    /// The objective failed, returned unusable values, or its worker died.
    Failed,
    /// Enqueued, not yet handed to a worker.
    Waiting,
}

impl TrialState {
    /// Whether the state is final.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            TrialState::Complete | TrialState::Pruned | TrialState::Failed
        )
    }

    /// The state's name as stored and printed (`"COMPLETE"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            TrialState::Running => "RUNNING",
            TrialState::Complete => "COMPLETE",
            TrialState::Pruned => "PRUNED",
            TrialState::Failed => "FAILED",
            TrialState::Waiting => "WAITING",
        }
    }

    /// All states, in a fixed order.
    pub const ALL: [TrialState; 5] = [
        TrialState::Running,
        TrialState::Complete,
        TrialState::Pruned,
        TrialState::Failed,
        TrialState::Waiting,
    ];
}

impl std::fmt::Display for TrialState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TrialState {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        TrialState::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                crate::error::invalid(
                    "state",
                    format!(
                        "unknown trial state {s:?}; expected RUNNING, COMPLETE, PRUNED, FAILED or WAITING"
                    ),
                )
            })
    }
}

/// One parameter of a trial: its name, internal value and distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrialParam {
    /// The name the objective used.
    pub name: String,
    /// The stored value (see [`crate::distribution`]).
    pub internal: f64,
    /// The range it was drawn from.
    pub distribution: Distribution,
}

impl TrialParam {
    /// The value the objective saw.
    pub fn value(&self) -> ParamValue {
        self.distribution.to_external(self.internal)
    }
}

/// A snapshot of a trial, as stored.
///
/// Values are as the user reported them (not negated for maximised objectives).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenTrial {
    /// The storage's identifier.
    pub id: TrialId,
    /// 0-based position in its study; numbers are dense and unique.
    pub number: u64,
    /// Where it is in its life.
    pub state: TrialState,
    /// The objective values of a complete trial, one per direction.
    pub values: Option<Vec<f64>>,
    /// Parameters in the order they were first suggested.
    pub params: Vec<TrialParam>,
    /// Constraint values (`≤ 0` satisfied), when the objective set them.
    pub constraints: Option<Vec<f64>>,
    /// Attributes set by the user.
    pub user_attrs: BTreeMap<String, serde_json::Value>,
    /// Attributes set by vilfredo (for example a failed command's stderr tail).
    pub system_attrs: BTreeMap<String, serde_json::Value>,
    /// When it started running (`None` while waiting).
    pub datetime_start: Option<Timestamp>,
    /// When it finished.
    pub datetime_complete: Option<Timestamp>,
}

impl FrozenTrial {
    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&TrialParam> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The parameters as the objective saw them, in suggestion order.
    pub fn param_values(&self) -> impl Iterator<Item = (&str, ParamValue)> {
        self.params.iter().map(|p| (p.name.as_str(), p.value()))
    }

    /// Total constraint violation `Σ max(0, cᵢ)`; 0 when there are no constraints.
    pub fn violation(&self) -> f64 {
        self.constraints
            .as_deref()
            .map_or(0.0, |c| c.iter().map(|v| v.max(0.0)).sum())
    }

    /// Whether every constraint is satisfied (true without constraints).
    pub fn is_feasible(&self) -> bool {
        self.violation() <= 0.0
    }
}

/// What a storage knows about a study.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyInfo {
    /// The storage's identifier.
    pub id: StudyId,
    /// The study's unique name.
    pub name: String,
    /// One direction per objective.
    pub directions: Vec<vilfredo_core::Direction>,
    /// Attributes set by the user.
    pub user_attrs: BTreeMap<String, serde_json::Value>,
    /// Attributes set by vilfredo (for example the sampler's configuration).
    pub system_attrs: BTreeMap<String, serde_json::Value>,
}

/// A study and its trial counts, for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct StudySummary {
    /// The study.
    pub info: StudyInfo,
    /// How many trials it has in each state, in the order of [`TrialState::ALL`].
    pub counts: [usize; 5],
    /// When its first trial started.
    pub datetime_start: Option<Timestamp>,
}

impl StudySummary {
    /// Total number of trials.
    pub fn n_trials(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Number of trials in `state`.
    pub fn count(&self, state: TrialState) -> usize {
        TrialState::ALL
            .iter()
            .position(|s| *s == state)
            .map_or(0, |i| self.counts[i])
    }
}
