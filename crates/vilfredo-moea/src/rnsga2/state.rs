//! A snapshot of R-NSGA-II from which a run continues exactly as if it had not stopped:
//! besides the population, the preference distances (computed in the merged population
//! that selected it) and the normalisation bounds (which the front normalisation carries
//! over from one generation to the next).

use super::RNsga2;
use super::preference::Bounds;
use crate::nsga2::population::Population;
use crate::told::check_saved;
use crate::{RNsga2Config, RunSnapshot};
use vilfredo_core::Result;

/// Everything needed to continue an [`RNsga2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RNsga2State {
    /// Settings.
    pub config: RNsga2Config,
    /// Space, generator, counters, population and pending batch (their fields stand
    /// at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
    /// Preference distance of each member.
    pub preference: Vec<f64>,
    /// Normalisation ideal point (infinite before the first generation: stored as
    /// `None` then).
    pub ideal: Option<Vec<f64>>,
    /// Normalisation nadir point (`None` before the bounds are set).
    pub nadir: Option<Vec<f64>>,
}

impl RNsga2 {
    /// A snapshot of the run; [`RNsga2::from_state`] continues it.
    pub fn state(&self) -> RNsga2State {
        // JSON has no infinities: unset bounds travel as `None`.
        let set = |v: &Vec<f64>| v.iter().all(|x| x.is_finite()).then(|| v.clone());
        RNsga2State {
            config: self.config.clone(),
            run: self.run.snapshot(&self.pop),
            preference: self.preference(),
            ideal: set(&self.bounds.ideal),
            nadir: set(&self.bounds.nadir),
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
    ///
    /// [`Error::DimensionMismatch`]: crate::Error::DimensionMismatch
    /// [`Error::NonFinite`]: crate::Error::NonFinite
    /// [`Error::InvalidArgument`]: crate::Error::InvalidArgument
    pub fn from_state(state: RNsga2State) -> Result<Self> {
        let run = &state.run;
        let mut alg = RNsga2::new(run.space.clone(), run.n_obj, run.n_constr, state.config)?;
        let no = run.n_obj;
        let n = if run.n_gen == 0 {
            0
        } else {
            alg.config.nsga2.pop_size
        };
        let mut pop = Population::of(run.population(n)?);
        for (what, expected, values) in [
            ("state preference distances", n, Some(&state.preference)),
            ("state ideal point", no, state.ideal.as_ref()),
            ("state nadir point", no, state.nadir.as_ref()),
        ] {
            if let Some(values) = values {
                check_saved(what, values, expected, expected.max(1))?;
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
        alg.run.resume(state.run);
        Ok(alg)
    }
}
