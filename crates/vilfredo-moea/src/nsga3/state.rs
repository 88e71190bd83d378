//! A snapshot of NSGA-III from which a run continues exactly as if it had not stopped.
//!
//! Beyond the population and the generator, NSGA-III remembers its normalization (ideal,
//! worst and extreme points seen so far), which the snapshot carries too.

use super::{NormalizationMemory, Nsga3, Nsga3Config};
use crate::RunSnapshot;
use crate::told::check_saved;
use vilfredo_core::{PointsView, Result};

/// Everything needed to continue an [`Nsga3`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, as for
/// [`Nsga2State`](crate::Nsga2State)).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Nsga3State {
    /// Settings.
    pub config: Nsga3Config,
    /// Space, generator, counters, population and pending batch (their fields stand
    /// at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
    /// Reference directions, row-major, `n_obj` columns.
    pub ref_dirs: Vec<f64>,
    /// What normalization has learnt, if anything.
    pub normalization: Option<NormalizationMemory>,
}

impl Nsga3 {
    /// A snapshot of the run; [`Nsga3::from_state`] continues it.
    pub fn state(&self) -> Nsga3State {
        Nsga3State {
            config: self.config,
            run: self.run.snapshot(&self.pop),
            ref_dirs: self.dirs.clone(),
            normalization: self.memory.clone(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Nsga3::new`] for the settings, space and directions;
    /// [`Error::DimensionMismatch`] when the buffers do not hold whole rows of the same
    /// individuals (or the population is not `pop_size` after the first generation), or
    /// the normalization memory has the wrong size; [`Error::NonFinite`] for a NaN or
    /// infinite value; [`Error::InvalidArgument`] when a decision vector lies outside the
    /// space or a failed index is beyond the population.
    ///
    /// [`Error::DimensionMismatch`]: crate::Error::DimensionMismatch
    /// [`Error::NonFinite`]: crate::Error::NonFinite
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    pub fn from_state(state: Nsga3State) -> Result<Self> {
        let run = &state.run;
        let no = run.n_obj;
        let dirs = PointsView::named("state ref_dirs", &state.ref_dirs, no.max(1))?;
        let mut alg = Nsga3::new(run.space.clone(), no, run.n_constr, dirs, state.config)?;
        let expected_n = if run.n_gen == 0 { 0 } else { alg.pop_size };
        let pop = run.population(expected_n)?;
        if let Some(m) = &state.normalization {
            for (what, expected, values) in [
                ("state ideal point", no, &m.ideal),
                ("state worst point", no, &m.worst),
                ("state extreme points", no * no, &m.extremes),
            ] {
                check_saved(what, values, expected, no)?;
            }
        }
        alg.pop = pop;
        alg.memory = state.normalization;
        alg.run.resume(state.run);
        Ok(alg)
    }
}
