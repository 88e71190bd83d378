//! A snapshot of R-NSGA-II from which a run continues exactly as if it had not stopped:
//! besides the population, the preference distances (computed in the merged population
//! that selected it) and the normalisation bounds (which the front normalisation carries
//! over from one generation to the next).

use super::RNsga2;
use super::preference::Bounds;
use crate::nsga2::population::Population;
use crate::told::{SavedPopulation, restore_population};
use crate::{RNsga2Config, Space};
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Result};

/// Everything needed to continue an [`RNsga2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RNsga2State {
    /// Settings.
    pub config: RNsga2Config,
    /// Decision space.
    pub space: Space,
    /// Number of objectives.
    pub n_obj: usize,
    /// Number of constraints.
    pub n_constr: usize,
    /// State of the random number generator.
    pub rng_state: u64,
    /// Generations completed.
    pub n_gen: usize,
    /// Evaluations told.
    pub n_eval: usize,
    /// Population decision vectors, row-major.
    pub x: Vec<f64>,
    /// Population objective values, row-major.
    pub f: Vec<f64>,
    /// Population constraint values, row-major.
    pub g: Vec<f64>,
    /// Preference distance of each member.
    pub preference: Vec<f64>,
    /// Normalisation ideal point (infinite before the first generation: stored as
    /// `None` then).
    pub ideal: Option<Vec<f64>>,
    /// Normalisation nadir point (`None` before the bounds are set).
    pub nadir: Option<Vec<f64>>,
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
    /// Indices of population members whose evaluation failed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub failed: Vec<usize>,
}

impl RNsga2 {
    /// A snapshot of the run; [`RNsga2::from_state`] continues it.
    pub fn state(&self) -> RNsga2State {
        // JSON has no infinities: unset bounds travel as `None`.
        let set = |v: &Vec<f64>| v.iter().all(|x| x.is_finite()).then(|| v.clone());
        RNsga2State {
            config: self.config.clone(),
            space: self.space.clone(),
            n_obj: self.pop.n_obj,
            n_constr: self.pop.n_constr,
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: self.pop.x.clone(),
            f: self.pop.f.clone(),
            g: self.pop.g.clone(),
            preference: self.preference(),
            ideal: set(&self.bounds.ideal),
            nadir: set(&self.bounds.nadir),
            pending: self.pending.then(|| self.batch.clone()),
            failed: self.pop.failed_indices(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`RNsga2::new`] for the settings and space; [`Error::DimensionMismatch`] when
    /// the buffers do not hold `pop_size` whole rows (none before the first generation),
    /// or the preference distances or bounds have the wrong length; [`Error::NonFinite`]
    /// for a NaN or infinite value; [`Error::InvalidArgument`] when a decision vector
    /// lies outside the space.
    pub fn from_state(state: RNsga2State) -> Result<Self> {
        let mut alg = RNsga2::new(state.space, state.n_obj, state.n_constr, state.config)?;
        let (no, nc) = (state.n_obj, state.n_constr);
        let n = if state.n_gen == 0 {
            0
        } else {
            alg.config.nsga2.pop_size
        };
        let saved = SavedPopulation {
            x: &state.x,
            f: &state.f,
            g: &state.g,
            pending: state.pending.as_deref(),
            failed: &state.failed,
        };
        let mut pop = Population::of(restore_population(&alg.space, (no, nc), n, &saved)?);
        for (what, expected, values) in [
            ("state preference distances", n, Some(&state.preference)),
            ("state ideal point", no, state.ideal.as_ref()),
            ("state nadir point", no, state.nadir.as_ref()),
        ] {
            let Some(values) = values else { continue };
            if values.len() != expected {
                return Err(Error::DimensionMismatch {
                    what,
                    expected,
                    found: values.len(),
                });
            }
            if let Some(pos) = values.iter().position(|v| !v.is_finite()) {
                return Err(Error::NonFinite {
                    what,
                    row: 0,
                    column: pos,
                    value: values[pos],
                });
            }
        }
        pop.rank = pop.ranks()?;
        pop.crowding = state.preference.iter().map(|d| -d).collect();
        alg.pop = pop;
        let mut bounds = Bounds::unset(no);
        if let Some(v) = state.ideal {
            bounds.ideal = v;
        }
        if let Some(v) = state.nadir {
            bounds.nadir = v;
        }
        alg.bounds = bounds;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        Ok(alg)
    }
}
