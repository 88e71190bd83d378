//! A finished, complete trial as the evolutionary samplers keep it, and the search space
//! a set of them shares.

use crate::distribution::Distribution;
use crate::frozen::{FrozenTrial, TrialParam};

/// One complete trial kept by a steady-state sampler (a population member or a
/// subproblem's incumbent).
#[derive(Debug, Clone)]
pub(crate) struct Member {
    /// The trial's number.
    pub number: u64,
    /// Objective values, minimised.
    pub objectives: Vec<f64>,
    /// Total constraint violation (0 when feasible).
    pub violation: f64,
    /// The trial's parameters.
    pub params: Vec<TrialParam>,
    /// A hash of the parameters' names and distributions: members with equal
    /// signatures have the same search space.
    pub signature: u64,
}

impl Member {
    /// A member made of a finished trial, when it is complete with usable values.
    pub fn of(trial: &FrozenTrial, minimized: Option<Vec<f64>>) -> Option<Self> {
        let objectives = minimized?;
        // An infinite violation still orders after every finite one.
        let violation = trial.violation().min(f64::MAX);
        Some(Self {
            number: trial.number,
            objectives,
            violation: if violation.is_nan() {
                f64::MAX
            } else {
                violation
            },
            params: trial.params.clone(),
            signature: super::fingerprint::of_space(&trial.params),
        })
    }

    /// Unit coordinates of this member over `space`; a parameter it lacks sits at the
    /// centre.
    pub fn unit(&self, space: &[(String, Distribution)]) -> Vec<f64> {
        space
            .iter()
            .map(|(name, d)| {
                self.params
                    .iter()
                    .find(|p| &p.name == name)
                    .map_or(0.5, |p| d.to_unit(p.internal))
            })
            .collect()
    }
}

/// The parameters every member has with the same distribution (single-valued ones
/// excepted, as there is nothing to breed), sorted by name: the space children are bred
/// in. Empty for no members.
pub(crate) fn common_space(members: &[&Member]) -> Vec<(String, Distribution)> {
    let Some((first, rest)) = members.split_first() else {
        return Vec::new();
    };
    let mut space: Vec<(String, Distribution)> = first
        .params
        .iter()
        .filter(|p| !p.distribution.is_single())
        .filter(|p| {
            rest.iter().all(|m| {
                m.params
                    .iter()
                    .any(|q| q.name == p.name && q.distribution == p.distribution)
            })
        })
        .map(|p| (p.name.clone(), p.distribution.clone()))
        .collect();
    space.sort_by(|a, b| a.0.cmp(&b.0));
    space
}

#[cfg(test)]
pub(crate) mod tests {
    use super::Member;

    /// A member with two objectives and no parameters, for the samplers' unit tests.
    pub(crate) fn member(number: u64, f: [f64; 2], violation: f64) -> Member {
        Member {
            number,
            objectives: f.to_vec(),
            violation,
            params: Vec::new(),
            signature: 0,
        }
    }
}
