//! A snapshot of NSGA-III from which a run continues exactly as if it had not stopped.
//!
//! Beyond the population and the generator, NSGA-III remembers its normalization (ideal,
//! worst and extreme points seen so far), which the snapshot carries too.

use super::{NormalizationMemory, Nsga3, Nsga3Config};
use crate::Space;
use crate::evaluated::Evaluated;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, PointsView, Result};

/// Everything needed to continue an [`Nsga3`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, as for
/// [`Nsga2State`](crate::Nsga2State)).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Nsga3State {
    /// Settings.
    pub config: Nsga3Config,
    /// Decision space.
    pub space: Space,
    /// Number of objectives.
    pub n_obj: usize,
    /// Number of constraints.
    pub n_constr: usize,
    /// Reference directions, row-major, `n_obj` columns.
    pub ref_dirs: Vec<f64>,
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
    /// Indices of population members whose evaluation failed.
    pub failed: Vec<usize>,
    /// What normalization has learnt, if anything.
    pub normalization: Option<NormalizationMemory>,
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
}

impl Nsga3 {
    /// A snapshot of the run; [`Nsga3::from_state`] continues it.
    pub fn state(&self) -> Nsga3State {
        Nsga3State {
            config: self.config,
            space: self.space.clone(),
            n_obj: self.pop.n_obj,
            n_constr: self.pop.n_constr,
            ref_dirs: self.dirs.clone(),
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: self.pop.x.clone(),
            f: self.pop.f.clone(),
            g: self.pop.g.clone(),
            failed: (0..self.pop.len())
                .filter(|&i| self.pop.failed[i])
                .collect(),
            normalization: self.memory.clone(),
            pending: self.pending.then(|| self.batch.clone()),
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
    pub fn from_state(state: Nsga3State) -> Result<Self> {
        let no = state.n_obj;
        let dirs = PointsView::named("state ref_dirs", &state.ref_dirs, no.max(1))?;
        let mut alg = Nsga3::new(state.space, no, state.n_constr, dirs, state.config)?;
        let (nv, nc) = (alg.space.n_var(), state.n_constr);
        let expected_n = if state.n_gen == 0 { 0 } else { alg.pop_size };
        let n = state.f.len() / no;
        let mem_len = state.normalization.as_ref().map_or([no, no, no * no], |m| {
            [m.ideal.len(), m.worst.len(), m.extremes.len()]
        });
        for (what, expected, found) in [
            ("state population size", expected_n, n),
            ("state objectives", expected_n * no, state.f.len()),
            ("state decision vectors", expected_n * nv, state.x.len()),
            ("state constraints", expected_n * nc, state.g.len()),
            ("state ideal point", no, mem_len[0]),
            ("state worst point", no, mem_len[1]),
            ("state extreme points", no * no, mem_len[2]),
        ] {
            if expected != found {
                return Err(Error::DimensionMismatch {
                    what,
                    expected,
                    found,
                });
            }
        }
        let inside = |x: &[f64]| {
            x.len().is_multiple_of(nv) && x.chunks_exact(nv).all(|row| alg.space.contains(row))
        };
        if !inside(&state.x) || !state.pending.as_deref().is_none_or(inside) {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: "a decision vector lies outside the space".into(),
            });
        }
        let empty = Vec::new();
        let mem = state.normalization.as_ref();
        for (what, values, width) in [
            ("state objectives", &state.f, no),
            ("state constraints", &state.g, nc.max(1)),
            ("state ideal point", mem.map_or(&empty, |m| &m.ideal), no),
            ("state worst point", mem.map_or(&empty, |m| &m.worst), no),
            (
                "state extreme points",
                mem.map_or(&empty, |m| &m.extremes),
                no,
            ),
        ] {
            if let Some(pos) = values.iter().position(|v| !v.is_finite()) {
                return Err(Error::NonFinite {
                    what,
                    row: pos / width,
                    column: pos % width,
                    value: values[pos],
                });
            }
        }
        let mut pop = Evaluated::new(nv, no, nc);
        pop.extend(&state.x, &state.f, &state.g);
        for &i in &state.failed {
            if i >= n {
                return Err(Error::InvalidArgument {
                    name: "state",
                    reason: format!("failed member {i} is beyond the population of {n}"),
                });
            }
            pop.mark_failed(i);
        }
        alg.pop = pop;
        alg.memory = state.normalization;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        Ok(alg)
    }
}
