//! A snapshot of SPEA2 from which a run continues exactly as if it had not stopped:
//! settings, space, generator state, counters, the archive in order with the fitness
//! each member had when it was selected (mating compares it), and the pending batch.

use super::Spea2;
use crate::nsga2::population::Population;
use crate::told::check_saved;
use crate::{NormalizationMemory, RunSnapshot, Spea2Config};
use vilfredo_core::{Error, Result};

/// Everything needed to continue a [`Spea2`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Spea2State {
    /// Settings.
    pub config: Spea2Config,
    /// Space, generator, counters, archive (as the population) and pending batch (their
    /// fields stand at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
    /// SPEA2 fitness of each archive member.
    pub fitness: Vec<f64>,
    /// What normalization has learnt, if anything (only with
    /// [`Spea2Config::normalize`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub normalization: Option<NormalizationMemory>,
}

impl Spea2 {
    /// A snapshot of the run; [`Spea2::from_state`] continues it.
    pub fn state(&self) -> Spea2State {
        Spea2State {
            config: self.config,
            run: self.run.snapshot(&self.archive),
            fitness: self.fitness.clone(),
            normalization: self.memory.clone(),
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Spea2::new`] for the settings and space; [`Error::DimensionMismatch`] when the
    /// buffers do not hold the same whole rows (1 to `archive_size` of them after the
    /// first generation, none before) or the fitness list has
    /// another length, or the normalization memory has the wrong size;
    /// [`Error::NonFinite`] for a NaN or infinite value;
    /// [`Error::InvalidArgument`] when a decision vector lies outside the space.
    pub fn from_state(state: Spea2State) -> Result<Self> {
        let run = &state.run;
        let mut alg = Spea2::new(run.space.clone(), run.n_obj, run.n_constr, state.config)?;
        // The archive fills up over the first generations when `pop_size` is smaller.
        let n = run.f.len() / run.n_obj.max(1);
        let (least, most) = if run.n_gen == 0 {
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
        let mut archive = Population::of(run.population(n)?);
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
        if let Some(m) = &state.normalization {
            let no = run.n_obj;
            for (what, expected, values) in [
                ("state ideal point", no, &m.ideal),
                ("state worst point", no, &m.worst),
                ("state extreme points", no * no, &m.extremes),
            ] {
                check_saved(what, values, expected, no)?;
            }
        }
        archive.rank = archive.ranks()?;
        alg.archive = archive;
        alg.memory = state.normalization;
        alg.fitness = state.fitness;
        alg.run.resume(state.run);
        Ok(alg)
    }
}
