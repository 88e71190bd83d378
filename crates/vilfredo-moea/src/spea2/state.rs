//! A snapshot of SPEA2 from which a run continues exactly as if it had not stopped:
//! settings, space, generator state, counters, the archive in order with the fitness
//! each member had when it was selected (mating compares it), and the pending batch.

use super::Spea2;
use crate::nsga2::population::Population;
use crate::told::{SavedPopulation, restore_population};
use crate::{Space, Spea2Config};
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Result};

/// Everything needed to continue a [`Spea2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Spea2State {
    /// Settings.
    pub config: Spea2Config,
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
    /// Archive decision vectors, row-major.
    pub x: Vec<f64>,
    /// Archive objective values, row-major.
    pub f: Vec<f64>,
    /// Archive constraint values, row-major.
    pub g: Vec<f64>,
    /// SPEA2 fitness of each archive member.
    pub fitness: Vec<f64>,
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
    /// Indices of archive members whose evaluation failed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub failed: Vec<usize>,
}

impl Spea2 {
    /// A snapshot of the run; [`Spea2::from_state`] continues it.
    pub fn state(&self) -> Spea2State {
        Spea2State {
            config: self.config,
            space: self.space.clone(),
            n_obj: self.archive.n_obj,
            n_constr: self.archive.n_constr,
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: self.archive.x.clone(),
            f: self.archive.f.clone(),
            g: self.archive.g.clone(),
            fitness: self.fitness.clone(),
            pending: self.pending.then(|| self.batch.clone()),
            failed: self.archive.failed_indices(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Spea2::new`] for the settings and space; [`Error::DimensionMismatch`] when the
    /// buffers do not hold the same whole rows (1 to `archive_size` of them after the
    /// first generation, none before) or the fitness list has
    /// another length; [`Error::NonFinite`] for a NaN or infinite value;
    /// [`Error::InvalidArgument`] when a decision vector lies outside the space.
    pub fn from_state(state: Spea2State) -> Result<Self> {
        let mut alg = Spea2::new(state.space, state.n_obj, state.n_constr, state.config)?;
        // The archive fills up over the first generations when `pop_size` is smaller.
        let n = state.f.len() / state.n_obj.max(1);
        let (least, most) = if state.n_gen == 0 {
            (0, 0)
        } else {
            (1, state.config.archive_size)
        };
        if n < least || n > most {
            return Err(Error::DimensionMismatch {
                what: "state archive size",
                expected: most,
                found: n,
            });
        }
        let saved = SavedPopulation {
            x: &state.x,
            f: &state.f,
            g: &state.g,
            pending: state.pending.as_deref(),
            failed: &state.failed,
        };
        let mut archive = Population::of(restore_population(
            &alg.space,
            (state.n_obj, state.n_constr),
            n,
            &saved,
        )?);
        if state.fitness.len() != n {
            return Err(Error::DimensionMismatch {
                what: "state fitness",
                expected: n,
                found: state.fitness.len(),
            });
        }
        if let Some(row) = state
            .fitness
            .iter()
            .position(|v| !v.is_finite() || *v < 0.0)
        {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: format!(
                    "fitness {} of archive member {row} is not a finite value ≥ 0",
                    state.fitness[row]
                ),
            });
        }
        archive.rank = archive.ranks()?;
        alg.archive = archive;
        alg.fitness = state.fitness;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        Ok(alg)
    }
}
