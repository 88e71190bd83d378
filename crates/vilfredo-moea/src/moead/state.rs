//! A snapshot of MOEA/D from which a run continues exactly as if it had not stopped.
//!
//! Neighbourhoods are recomputed from the weight vectors; the ideal point and, for a
//! pending batch, which subproblem each row belongs to and which pool it uses, are
//! carried.

use super::{Moead, MoeadConfig};
use crate::Space;
use crate::evaluated::Evaluated;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, PointsView, Result};

/// Everything needed to continue a [`Moead`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, as for
/// [`Nsga2State`](crate::Nsga2State)).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MoeadState {
    /// Settings.
    pub config: MoeadConfig,
    /// Decision space.
    pub space: Space,
    /// Number of objectives.
    pub n_obj: usize,
    /// Number of constraints.
    pub n_constr: usize,
    /// Weight vectors, row-major, `n_obj` columns.
    pub weights: Vec<f64>,
    /// State of the random number generator.
    pub rng_state: u64,
    /// Generations completed.
    pub n_gen: usize,
    /// Evaluations told.
    pub n_eval: usize,
    /// Population decision vectors, row-major (row `i` for subproblem `i`).
    pub x: Vec<f64>,
    /// Population objective values, row-major.
    pub f: Vec<f64>,
    /// Population constraint values, row-major.
    pub g: Vec<f64>,
    /// Indices of population members whose evaluation failed.
    pub failed: Vec<usize>,
    /// The ideal point, once known.
    pub ideal: Option<Vec<f64>>,
    /// The batch asked and not yet told, row-major, if any.
    pub pending: Option<Vec<f64>>,
    /// The subproblem of each pending offspring (empty for the initial batch).
    pub pending_order: Vec<usize>,
    /// Whether each pending offspring's pool is the whole population.
    pub pending_global: Vec<bool>,
}

impl Moead {
    /// A snapshot of the run; [`Moead::from_state`] continues it.
    pub fn state(&self) -> MoeadState {
        MoeadState {
            config: self.config,
            space: self.space.clone(),
            n_obj: self.pop.n_obj,
            n_constr: self.pop.n_constr,
            weights: self.weights.clone(),
            rng_state: self.rng.state(),
            n_gen: self.n_gen,
            n_eval: self.n_eval,
            x: self.pop.x.clone(),
            f: self.pop.f.clone(),
            g: self.pop.g.clone(),
            failed: (0..self.pop.len())
                .filter(|&i| self.pop.failed[i])
                .collect(),
            ideal: self.ideal.clone(),
            pending: self.pending.then(|| self.batch.clone()),
            pending_order: if self.pending {
                self.order.clone()
            } else {
                Vec::new()
            },
            pending_global: if self.pending {
                self.global.clone()
            } else {
                Vec::new()
            },
        }
    }

    /// Continues a run from a snapshot.
    ///
    /// # Errors
    /// As [`Moead::new`] for the settings, space and weights;
    /// [`Error::DimensionMismatch`] when the buffers do not hold one individual per
    /// subproblem (after the first generation), or the pending batch's bookkeeping does
    /// not match it; [`Error::NonFinite`] for a NaN or infinite value;
    /// [`Error::InvalidArgument`] when a decision vector lies outside the space, a
    /// subproblem index is out of range, or a failed index is beyond the population.
    pub fn from_state(state: MoeadState) -> Result<Self> {
        let no = state.n_obj;
        let w = PointsView::named("state weights", &state.weights, no.max(1))?;
        let mut alg = Moead::new(state.space, no, state.n_constr, w, state.config)?;
        let (nv, nc) = (alg.space.n_var(), state.n_constr);
        let size = alg.pop_size();
        let expected_n = if state.n_gen == 0 { 0 } else { size };
        let n = state.f.len() / no;
        let n_pending = state.pending.as_ref().map_or(0, |p| p.len() / nv);
        let offspring_pending = state.pending.is_some() && state.n_gen > 0;
        let expected_order = if offspring_pending { n_pending } else { 0 };
        for (what, expected, found) in [
            ("state population size", expected_n, n),
            ("state objectives", expected_n * no, state.f.len()),
            ("state decision vectors", expected_n * nv, state.x.len()),
            ("state constraints", expected_n * nc, state.g.len()),
            (
                "state ideal point",
                if state.ideal.is_some() { no } else { 0 },
                state.ideal.as_ref().map_or(0, Vec::len),
            ),
            (
                "state pending batch",
                if state.pending.is_some() { size } else { 0 },
                n_pending,
            ),
            (
                "state pending subproblems",
                expected_order,
                state.pending_order.len(),
            ),
            (
                "state pending pools",
                expected_order,
                state.pending_global.len(),
            ),
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
        if let Some(&i) = state.pending_order.iter().find(|&&i| i >= size) {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: format!("pending subproblem {i} is beyond the {size} subproblems"),
            });
        }
        let empty = Vec::new();
        for (what, values, width) in [
            ("state objectives", &state.f, no),
            ("state constraints", &state.g, nc.max(1)),
            (
                "state ideal point",
                state.ideal.as_ref().unwrap_or(&empty),
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
        alg.ideal = state.ideal;
        alg.rng = SplitMix64::new(state.rng_state);
        alg.n_gen = state.n_gen;
        alg.n_eval = state.n_eval;
        alg.pending = state.pending.is_some();
        alg.batch = state.pending.unwrap_or_default();
        alg.order = state.pending_order;
        alg.global = state.pending_global;
        Ok(alg)
    }
}
