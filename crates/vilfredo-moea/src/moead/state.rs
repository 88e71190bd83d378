//! A snapshot of MOEA/D from which a run continues exactly as if it had not stopped.
//!
//! Neighbourhoods are recomputed from the weight vectors; the ideal point and, for a
//! pending batch, which subproblem each row belongs to and which pool it uses, are
//! carried, and so is the current pass of the sequential form.

use super::{Moead, MoeadConfig};
use crate::RunSnapshot;
use vilfredo_core::{Error, PointsView, Result};

/// Everything needed to continue a [`Moead`] run bit for bit; serializable with the
/// `serde` feature (use a float-exact format, as for
/// [`Nsga2State`](crate::Nsga2State)).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MoeadState {
    /// Settings.
    pub config: MoeadConfig,
    /// Space, generator, counters, population (row `i` for subproblem `i`) and pending
    /// batch (their fields stand at the top level of the serialized state).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub run: RunSnapshot,
    /// Weight vectors, row-major, `n_obj` columns.
    pub weights: Vec<f64>,
    /// The ideal point, once known.
    pub ideal: Option<Vec<f64>>,
    /// The subproblem of each pending offspring (empty for the initial batch).
    pub pending_order: Vec<usize>,
    /// Whether each pending offspring's pool is the whole population.
    pub pending_global: Vec<bool>,
    /// With [`MoeadConfig::sequential`]: the order of the subproblems in the current
    /// pass (empty before the first offspring).
    #[cfg_attr(feature = "serde", serde(default))]
    pub pass: Vec<usize>,
    /// With [`MoeadConfig::sequential`]: how many offspring of the pass have been told.
    #[cfg_attr(feature = "serde", serde(default))]
    pub pass_done: usize,
}

impl Moead {
    /// A snapshot of the run; [`Moead::from_state`] continues it.
    pub fn state(&self) -> MoeadState {
        MoeadState {
            config: self.config,
            run: self.run.snapshot(&self.pop),
            weights: self.weights.clone(),
            ideal: self.ideal.clone(),
            pending_order: if self.run.pending {
                self.order.clone()
            } else {
                Vec::new()
            },
            pending_global: if self.run.pending {
                self.global.clone()
            } else {
                Vec::new()
            },
            pass: self.pass.clone(),
            pass_done: self.pass_done,
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
        let run = &state.run;
        let no = run.n_obj;
        let w = PointsView::named("state weights", &state.weights, no.max(1))?;
        let mut alg = Moead::new(run.space.clone(), no, run.n_constr, w, state.config)?;
        let nv = alg.run.n_var();
        let size = alg.pop_size();
        let expected_n = if run.n_gen == 0 { 0 } else { size };
        let pop = run.population(expected_n)?;
        let n_pending = run.pending.as_ref().map_or(0, |p| p.len() / nv);
        let offspring_pending = run.pending.is_some() && run.n_gen > 0;
        let expected_order = if offspring_pending { n_pending } else { 0 };
        let batch_rows = if offspring_pending && state.config.sequential {
            1
        } else {
            size
        };
        for (what, expected, found) in [
            (
                "state ideal point",
                if state.ideal.is_some() { no } else { 0 },
                state.ideal.as_ref().map_or(0, Vec::len),
            ),
            (
                "state pending batch",
                if run.pending.is_some() { batch_rows } else { 0 },
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
        if let Some(&i) = state.pending_order.iter().find(|&&i| i >= size) {
            return Err(Error::InvalidArgument {
                name: "state",
                reason: format!("pending subproblem {i} is beyond the {size} subproblems"),
            });
        }
        check_pass(&state, size, offspring_pending)?;
        if let Some(ideal) = &state.ideal
            && let Some(pos) = ideal.iter().position(|v| !v.is_finite())
        {
            return Err(Error::NonFinite {
                what: "state ideal point",
                row: 0,
                column: pos,
                value: ideal[pos],
            });
        }
        alg.pop = pop;
        alg.ideal = state.ideal;
        alg.order = state.pending_order;
        alg.global = state.pending_global;
        alg.pass = state.pass;
        alg.pass_done = state.pass_done;
        alg.run.resume(state.run);
        Ok(alg)
    }
}

/// Checks the sequential pass of a snapshot: empty, or an order of the `size`
/// subproblems with at most all of them told; with an offspring pending, the pending
/// subproblem is the pass's next one.
fn check_pass(state: &MoeadState, size: usize, offspring_pending: bool) -> Result<()> {
    let bad = |reason: String| Error::InvalidArgument {
        name: "state",
        reason,
    };
    if !state.config.sequential {
        if state.pass.is_empty() && state.pass_done == 0 {
            return Ok(());
        }
        return Err(bad(
            "a pass is recorded but the run is not sequential".into()
        ));
    }
    if !state.pass.is_empty() {
        let mut seen = vec![false; size];
        if state.pass.len() != size
            || state
                .pass
                .iter()
                .any(|&i| i >= size || std::mem::replace(&mut seen[i], true))
        {
            return Err(bad(format!(
                "the pass must order each of the {size} subproblems once, got {:?}",
                state.pass
            )));
        }
    }
    if state.pass_done > state.pass.len() {
        return Err(bad(format!(
            "{} offspring told in a pass of {}",
            state.pass_done,
            state.pass.len()
        )));
    }
    if offspring_pending && state.pass.get(state.pass_done) != state.pending_order.first() {
        return Err(bad(format!(
            "the pending subproblem {:?} is not the pass's next one {:?}",
            state.pending_order.first(),
            state.pass.get(state.pass_done)
        )));
    }
    Ok(())
}
