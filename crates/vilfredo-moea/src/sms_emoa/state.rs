//! A snapshot of SMS-EMOA from which a run continues exactly as if it had not stopped:
//! settings, space, generator state, counters, the population in order, and the pending
//! batch. Ranks are recomputed on restore, as the run computed them.

use super::SmsEmoa;
use crate::nsga2::population::Population;
use crate::told::{SavedPopulation, restore_population};
use crate::{SmsEmoaConfig, Space};
use vilfredo_core::Result;
use vilfredo_core::rng::SplitMix64;

/// Everything needed to continue an [`SmsEmoa`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, such as JSON through `serde_json` with its
/// `float_roundtrip` feature).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SmsEmoaState {
    /// Settings.
    pub config: SmsEmoaConfig,
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
    /// Indices of population members whose evaluation failed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub failed: Vec<usize>,
}

impl SmsEmoa {
    /// A snapshot of the run; [`SmsEmoa::from_state`] continues it.
    pub fn state(&self) -> SmsEmoaState {
        SmsEmoaState {
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
            failed: self.failed(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`SmsEmoa::new`] for the settings and space; [`Error::DimensionMismatch`]
    /// when the buffers do not hold `pop_size` whole rows (none before the first
    /// generation); [`Error::NonFinite`] for a NaN or infinite value;
    /// [`Error::InvalidArgument`] when a decision vector lies outside the space.
    ///
    /// [`Error::DimensionMismatch`]: vilfredo_core::Error::DimensionMismatch
    /// [`Error::NonFinite`]: vilfredo_core::Error::NonFinite
    /// [`Error::InvalidArgument`]: vilfredo_core::Error::InvalidArgument
    pub fn from_state(state: SmsEmoaState) -> Result<Self> {
        let mut alg = SmsEmoa::new(state.space, state.n_obj, state.n_constr, state.config)?;
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
        let mut pop = Population::of(restore_population(
            &alg.space,
            (state.n_obj, state.n_constr),
            expected_n,
            &saved,
        )?);
        pop.rank = pop.ranks()?;
        alg.pop = pop;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        Ok(alg)
    }
}
