//! A snapshot of NSGA-II from which a run continues exactly as if it had not stopped.
//!
//! Only what the future depends on is kept: settings, space, generator state, counters,
//! the population's `X`, `F`, `G` in order, its crowding distances (which survival took
//! from the merged population, so they cannot be recomputed from the survivors), and the
//! pending batch. Ranks are recomputed on restore, exactly as the run computed them.

use super::{Nsga2, population::Population};
use crate::{Nsga2Config, RunSnapshot};
use vilfredo_core::{Error, Result};

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
    /// Crowding distance of each population member, with `-1` standing for an infinite
    /// distance (a boundary member), which JSON cannot hold. Absent from states saved
    /// before distances were kept from the merged population: they are then recomputed
    /// among the members, as those runs did.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub crowding: Option<Vec<f64>>,
}

/// The stand-in for an infinite crowding distance in [`Nsga2State::crowding`]; distances
/// are never negative.
const INFINITE: f64 = -1.0;

impl Nsga2 {
    /// A snapshot of the run; [`Nsga2::from_state`] continues it.
    pub fn state(&self) -> Nsga2State {
        Nsga2State {
            config: self.config,
            run: self.run.snapshot(&self.pop),
            crowding: (self.pop.len() > 0).then(|| {
                let encode = |d: f64| if d.is_infinite() { INFINITE } else { d };
                self.pop.crowding.iter().map(|&d| encode(d)).collect()
            }),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Nsga2::new`] for the settings and space; [`Error::DimensionMismatch`] when the
    /// buffers do not hold whole rows of the same individuals (or the population is not
    /// `pop_size` after the first generation); [`Error::NonFinite`] for a NaN or infinite
    /// objective or constraint; [`Error::InvalidArgument`] when a decision vector lies
    /// outside the space or a crowding distance is NaN or negative (other than `-1`).
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
        if let Some(crowding) = &state.crowding {
            pop.crowding = decode_crowding(crowding, pop.len())?;
        }
        alg.pop = pop;
        alg.run.resume(state.run);
        Ok(alg)
    }
}

/// The crowding distances of a state, checked: one per member, each `-1` (infinite) or
/// a non-negative number.
fn decode_crowding(crowding: &[f64], n: usize) -> Result<Vec<f64>> {
    if crowding.len() != n {
        return Err(Error::DimensionMismatch {
            what: "state crowding distances",
            expected: n,
            found: crowding.len(),
        });
    }
    crowding
        .iter()
        .enumerate()
        .map(|(i, &d)| match d {
            INFINITE => Ok(f64::INFINITY),
            d if d >= 0.0 => Ok(d),
            d => Err(Error::InvalidArgument {
                name: "crowding",
                reason: format!(
                    "state crowding distance {i} is {d}: distances are non-negative, or -1 for an infinite one"
                ),
            }),
        })
        .collect()
}
