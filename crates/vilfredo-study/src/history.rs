//! A study's finished trials as one worker sees them, with the Pareto front and its
//! hypervolume kept up to date one trial at a time.

use vilfredo_core::Direction;
use vilfredo_pareto::{Insertion, ParetoArchive};

use crate::error::Result;
use crate::frozen::{FrozenTrial, TrialState};
use crate::storage::FinishedSince;

/// The finished trials of a study in finishing order, and what is derived from them
/// incrementally: the feasible Pareto front, the least-violating trials when nothing is
/// feasible, and (with a reference point) the front's hypervolume after each trial.
///
/// Absorbing a trial costs a search of the front's index (`ParetoArchive`: sublinear in
/// the front's size on typical studies), never a scan of the history, and the hypervolume
/// gain is measured from the few members that bound the new point's box; so asking,
/// `best_trials` and the hypervolume stay fast at 100,000 trials.
#[derive(Debug, Clone)]
pub struct History {
    directions: Vec<Direction>,
    cursor: u64,
    finished: Vec<FrozenTrial>,
    front: ParetoArchive,
    /// Complete infeasible trials with the smallest violation seen (indices).
    least_violating: Vec<usize>,
    min_violation: f64,
    reference: Option<Vec<f64>>,
    hypervolume: f64,
    /// `(trial number, hypervolume after it)` each time the front grew.
    hv_history: Vec<(u64, f64)>,
}

impl History {
    /// An empty history for objectives with these directions.
    ///
    /// # Errors
    /// When there are no directions.
    pub fn new(directions: &[Direction]) -> Result<Self> {
        Ok(Self {
            directions: directions.to_vec(),
            cursor: 0,
            finished: Vec::new(),
            front: ParetoArchive::new(directions.len())?,
            least_violating: Vec::new(),
            min_violation: f64::INFINITY,
            reference: None,
            hypervolume: 0.0,
            hv_history: Vec::new(),
        })
    }

    /// The storage cursor up to which trials are absorbed.
    pub fn cursor(&self) -> u64 {
        self.cursor
    }

    /// The finished trials, in finishing order.
    pub fn finished(&self) -> &[FrozenTrial] {
        &self.finished
    }

    /// Number of complete trials.
    pub fn n_complete(&self) -> usize {
        self.finished
            .iter()
            .filter(|t| t.state == TrialState::Complete)
            .count()
    }

    /// A trial's values turned into minimised form (`None` unless complete with finite
    /// values of the right length).
    pub fn minimized(&self, trial: &FrozenTrial) -> Option<Vec<f64>> {
        minimized(&self.directions, trial)
    }

    /// Absorbs the trials a storage reported as finished since [`cursor`](Self::cursor).
    ///
    /// # Errors
    /// Only if the hypervolume kernel refuses its input, which validated values rule out.
    pub fn absorb(&mut self, batch: FinishedSince) -> Result<()> {
        for trial in batch.trials {
            self.push(trial)?;
        }
        self.cursor = self.cursor.max(batch.cursor);
        Ok(())
    }

    fn push(&mut self, trial: FrozenTrial) -> Result<()> {
        let index = self.finished.len();
        let point = self.minimized(&trial);
        let (number, violation) = (trial.number, trial.violation());
        self.finished.push(trial);
        let Some(point) = point else { return Ok(()) };
        if violation > 0.0 {
            if violation < self.min_violation {
                self.min_violation = violation;
                self.least_violating.clear();
            }
            if violation == self.min_violation {
                self.least_violating.push(index);
            }
            return Ok(());
        }
        let gain = match &self.reference {
            // Measured from the few members that bound the point's box, before it joins.
            Some(r) => self.front.hypervolume_gain(&point, r)?,
            None => 0.0,
        };
        if let Insertion::Added { .. } = self.front.insert(index as u64, &point)?
            && self.reference.is_some()
            && gain > 0.0
        {
            self.hypervolume += gain;
            self.hv_history.push((number, self.hypervolume));
        }
        Ok(())
    }

    /// The Pareto-optimal feasible complete trials; when no complete trial is feasible,
    /// the non-dominated ones among those with the smallest total violation. Ordered by
    /// trial number.
    pub fn best_trials(&self) -> Vec<&FrozenTrial> {
        let mut best: Vec<&FrozenTrial> = if !self.front.is_empty() {
            self.front
                .keys()
                .iter()
                .filter_map(|&k| self.finished.get(k as usize))
                .collect()
        } else {
            let mut archive = match ParetoArchive::new(self.directions.len()) {
                Ok(a) => a,
                Err(_) => return Vec::new(),
            };
            for &i in &self.least_violating {
                if let Some(p) = self.finished.get(i).and_then(|t| self.minimized(t)) {
                    // The points were validated when absorbed; an error cannot happen.
                    let _ = archive.insert(i as u64, &p);
                }
            }
            archive
                .keys()
                .iter()
                .filter_map(|&k| self.finished.get(k as usize))
                .collect()
        };
        best.sort_by_key(|t| t.number);
        best
    }

    /// Number of trials on the feasible front.
    pub fn front_len(&self) -> usize {
        self.front.len()
    }

    /// Sets the reference point (in the user's directions) and recomputes the
    /// hypervolume and its history from the trials absorbed so far.
    ///
    /// # Errors
    /// When the point has the wrong length or is not finite.
    pub fn set_reference_point(&mut self, reference: &[f64]) -> Result<()> {
        if reference.len() != self.directions.len() {
            return Err(vilfredo_core::Error::DimensionMismatch {
                what: "reference point",
                expected: self.directions.len(),
                found: reference.len(),
            }
            .into());
        }
        if let Some(i) = reference.iter().position(|x| !x.is_finite()) {
            return Err(crate::error::invalid(
                "reference point",
                format!("value {} at position {i} is not finite", reference[i]),
            ));
        }
        let r: Vec<f64> = reference
            .iter()
            .zip(&self.directions)
            .map(|(x, d)| x * d.sign())
            .collect();
        let trials = std::mem::take(&mut self.finished);
        let cursor = self.cursor;
        *self = Self::new(&self.directions)?;
        self.reference = Some(r);
        self.absorb(FinishedSince { trials, cursor })
    }

    /// The current front's hypervolume, when a reference point is set.
    pub fn hypervolume(&self) -> Option<f64> {
        self.reference.as_ref().map(|_| self.hypervolume)
    }

    /// `(trial number, hypervolume)` after each trial that enlarged the dominated
    /// region, in finishing order (empty without a reference point).
    pub fn hypervolume_history(&self) -> &[(u64, f64)] {
        &self.hv_history
    }
}

/// Values of a complete trial in minimised form.
pub(crate) fn minimized(directions: &[Direction], trial: &FrozenTrial) -> Option<Vec<f64>> {
    if trial.state != TrialState::Complete {
        return None;
    }
    let v = trial.values.as_ref()?;
    if v.len() != directions.len() || v.iter().any(|x| !x.is_finite()) {
        return None;
    }
    Some(
        v.iter()
            .zip(directions)
            .map(|(x, d)| x * d.sign())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frozen::TrialId;
    use vilfredo_core::PointsView;
    use vilfredo_core::rng::SplitMix64;

    fn complete(number: u64, values: Vec<f64>) -> FrozenTrial {
        FrozenTrial {
            id: TrialId(number as i64),
            number,
            state: TrialState::Complete,
            values: Some(values),
            params: Vec::new(),
            constraints: None,
            user_attrs: Default::default(),
            system_attrs: Default::default(),
            datetime_start: None,
            datetime_complete: None,
        }
    }

    /// The hypervolume of the front measured from scratch, in minimised form.
    fn from_scratch(h: &History, r: &[f64]) -> f64 {
        let pts: Vec<f64> = h
            .best_trials()
            .iter()
            .flat_map(|t| h.minimized(t).unwrap())
            .collect();
        vilfredo_pareto::hypervolume(PointsView::new(&pts, r.len()).unwrap(), r).unwrap()
    }

    #[test]
    fn hypervolume_follows_the_front_with_three_objectives() {
        let dirs = [
            Direction::Minimize,
            Direction::Maximize,
            Direction::Minimize,
        ];
        let user_reference = [1.2, -0.1, 1.2];
        let r = [1.2, 0.1, 1.2]; // minimised form
        let mut h = History::new(&dirs).unwrap();
        h.set_reference_point(&user_reference).unwrap();
        let mut rng = SplitMix64::new(11);
        for number in 0..600u64 {
            // Near the unit sphere, converging, with the second objective maximised.
            let d: Vec<f64> = (0..3).map(|_| rng.next_f64().max(1e-9)).collect();
            let norm = d.iter().map(|x| x * x).sum::<f64>().sqrt();
            let radius = 1.0 + 0.2 * rng.next_f64() * (1.0 - number as f64 / 600.0);
            let mut v: Vec<f64> = d.iter().map(|x| radius * x / norm).collect();
            v[1] = -v[1];
            let batch = FinishedSince {
                trials: vec![complete(number, v)],
                cursor: number + 1,
            };
            h.absorb(batch).unwrap();
            let exact = from_scratch(&h, &r);
            let kept = h.hypervolume().unwrap();
            assert!(
                (kept - exact).abs() <= 1e-12,
                "{kept} vs {exact} at {number}"
            );
        }
        assert!(h.front_len() > 50);
        // Setting the reference again replays the trials to the same value.
        let before = h.hypervolume().unwrap();
        h.set_reference_point(&user_reference).unwrap();
        assert_eq!(h.hypervolume().unwrap(), before);
        assert!(h.hypervolume_history().windows(2).all(|w| w[0].1 < w[1].1));
    }
}
