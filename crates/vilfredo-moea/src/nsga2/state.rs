//! A snapshot of NSGA-II from which a run continues exactly as if it had not stopped.
//!
//! Only what the future depends on is kept: settings, space, generator state, counters,
//! the population's `X`, `F`, `G` in order, and the pending batch. Rank and crowding are
//! recomputed from the population on restore, exactly as the run computed them.

use super::{Nsga2, population::Population};
use crate::told::{SavedPopulation, restore_population};
use crate::{Nsga2Config, Space};
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Everything needed to continue an [`Nsga2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format: JSON through `serde_json` with its
/// `float_roundtrip` feature, or a binary one).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Nsga2State {
    /// Settings.
    pub config: Nsga2Config,
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
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
    /// Indices of population members whose evaluation failed (see
    /// [`NanPolicy::Infeasible`](crate::NanPolicy::Infeasible)).
    #[cfg_attr(feature = "serde", serde(default))]
    pub failed: Vec<usize>,
}

impl Nsga2 {
    /// A snapshot of the run; [`Nsga2::from_state`] continues it.
    pub fn state(&self) -> Nsga2State {
        Nsga2State {
            config: self.config,
            space: self.space.clone(),
            n_obj: self.pop.n_obj,
            n_constr: self.pop.n_constr,
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: self.pop.x.clone(),
            f: self.pop.f.clone(),
            g: self.pop.g.clone(),
            pending: self.pending.then(|| self.batch.clone()),
            failed: self.pop.failed_indices(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Nsga2::new`] for the settings and space; [`Error::DimensionMismatch`] when the
    /// buffers do not hold whole rows of the same individuals (or the population is not
    /// `pop_size` after the first generation); [`Error::NonFinite`] for a NaN or infinite
    /// objective or constraint; [`Error::InvalidArgument`] when a decision vector lies
    /// outside the space.
    pub fn from_state(state: Nsga2State) -> Result<Self> {
        let mut alg = Nsga2::new(state.space, state.n_obj, state.n_constr, state.config)?;
        let expected_n = if state.n_gen == 0 {
            0
        } else {
            state.config.pop_size
        };
        let saved = SavedPopulation {
            x: &state.x,
            f: &state.f,
            g: &state.g,
            pending: state.pending.as_deref(),
            failed: &state.failed,
        };
        let shape = (state.n_obj, state.n_constr);
        let mut pop = Population::of(restore_population(&alg.space, shape, expected_n, &saved)?);
        pop.assess()?;
        alg.pop = pop;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        Ok(alg)
    }
}
