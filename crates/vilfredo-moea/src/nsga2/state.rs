//! A snapshot of NSGA-II from which a run continues exactly as if it had not stopped.
//!
//! Only what the future depends on is kept: settings, space, generator state, counters,
//! the population's `X`, `F`, `G` in order, and the pending batch. Rank and crowding are
//! recomputed from the population on restore, exactly as the run computed them.

use super::{Nsga2, population::Population};
use crate::{Nsga2Config, RunSnapshot};
use vilfredo_core::Result;

/// Everything needed to continue an [`Nsga2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format: JSON through `serde_json` with its
/// `float_roundtrip` feature, or a binary one).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Nsga2State {
    /// Settings.
    pub config: Nsga2Config,
    /// Space, generator, counters, population and pending batch (their fields stand
    /// at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
}

impl Nsga2 {
    /// A snapshot of the run; [`Nsga2::from_state`] continues it.
    pub fn state(&self) -> Nsga2State {
        Nsga2State {
            config: self.config,
            run: self.run.snapshot(&self.pop),
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
    ///
    /// [`Error::DimensionMismatch`]: crate::Error::DimensionMismatch
    /// [`Error::NonFinite`]: crate::Error::NonFinite
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    pub fn from_state(state: Nsga2State) -> Result<Self> {
        let run = &state.run;
        let mut alg = Nsga2::new(run.space.clone(), run.n_obj, run.n_constr, state.config)?;
        let expected_n = if run.n_gen == 0 {
            0
        } else {
            state.config.pop_size
        };
        let mut pop = Population::of(run.population(expected_n)?);
        pop.assess()?;
        alg.pop = pop;
        alg.run.resume(state.run);
        Ok(alg)
    }
}
