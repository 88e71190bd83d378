//! A snapshot of SMS-EMOA from which a run continues exactly as if it had not stopped:
//! settings, space, generator state, counters, the population in order, and the pending
//! batch. Ranks are recomputed on restore, as the run computed them.

use super::SmsEmoa;
use crate::nsga2::population::Population;
use crate::{RunSnapshot, SmsEmoaConfig};
use vilfredo_core::Result;

/// Everything needed to continue an [`SmsEmoa`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, such as JSON through `serde_json` with its
/// `float_roundtrip` feature).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SmsEmoaState {
    /// Settings.
    pub config: SmsEmoaConfig,
    /// Space, generator, counters, population and pending batch (their fields stand
    /// at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
}

impl SmsEmoa {
    /// A snapshot of the run; [`SmsEmoa::from_state`] continues it.
    pub fn state(&self) -> SmsEmoaState {
        SmsEmoaState {
            config: self.config,
            run: self.run.snapshot(&self.pop),
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
        let run = &state.run;
        let mut alg = SmsEmoa::new(run.space.clone(), run.n_obj, run.n_constr, state.config)?;
        let expected_n = if run.n_gen == 0 {
            0
        } else {
            state.config.pop_size
        };
        let mut pop = Population::of(run.population(expected_n)?);
        pop.rank = pop.ranks()?;
        alg.pop = pop;
        alg.run.resume(state.run);
        Ok(alg)
    }
}
