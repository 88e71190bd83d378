//! Pareto ranks under constrained domination (Deb 2000, "An efficient constraint handling
//! method for genetic algorithms", CMAME 186(2–4)), as in pymoo's constrained domination.
//!
//! A point is feasible when its aggregated constraint violation is `≤ 0`. Feasible points
//! beat infeasible ones, two feasible points compare by Pareto dominance, and two
//! infeasible points by violation alone. Ranking by this relation gives: the Pareto fronts
//! of the feasible points first (ranks `0..F`), then the infeasible points by increasing
//! violation, equal violations sharing a rank (ranks `F, F + 1, …`).

use vilfredo_core::{Error, PointsView, Result};

/// Checks that `violation` has one finite value per point.
fn validate(points: PointsView<'_>, violation: &[f64]) -> Result<()> {
    const WHAT: &str = "constraint violation";
    if violation.len() != points.n_points() {
        return Err(Error::DimensionMismatch {
            what: WHAT,
            expected: points.n_points(),
            found: violation.len(),
        });
    }
    if let Some(row) = violation.iter().position(|v| !v.is_finite()) {
        return Err(Error::NonFinite {
            what: WHAT,
            row,
            column: 0,
            value: violation[row],
        });
    }
    Ok(())
}

/// Constrained ranks; see the module documentation.
pub(crate) fn constrained_pareto_rank(
    points: PointsView<'_>,
    violation: &[f64],
) -> Result<Vec<usize>> {
    validate(points, violation)?;
    let n = points.n_points();
    let m = points.n_obj();
    let feasible: Vec<usize> = (0..n).filter(|&i| violation[i] <= 0.0).collect();
    let mut rank = vec![0usize; n];
    let mut n_fronts = 0;
    if !feasible.is_empty() {
        let mut data = Vec::with_capacity(feasible.len() * m);
        for &i in &feasible {
            data.extend_from_slice(points.row(i));
        }
        let view = PointsView::new(&data, m)?;
        let sub = super::pareto_rank(view);
        for (&i, &r) in feasible.iter().zip(&sub) {
            rank[i] = r;
            n_fronts = n_fronts.max(r + 1);
        }
    }
    let mut infeasible: Vec<usize> = (0..n).filter(|&i| violation[i] > 0.0).collect();
    infeasible.sort_by(|&a, &b| violation[a].total_cmp(&violation[b]));
    let mut r = n_fronts;
    for (pos, &i) in infeasible.iter().enumerate() {
        if pos > 0 && violation[i] > violation[infeasible[pos - 1]] {
            r += 1;
        }
        rank[i] = r;
    }
    Ok(rank)
}
