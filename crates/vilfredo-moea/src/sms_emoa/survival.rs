//! The survival step of SMS-EMOA (Beume, Naujoks & Emmerich 2007, §3, Algorithm 2
//! "Reduce"): drop one individual at a time from the worst front, the one whose exclusive
//! hypervolume contribution is smallest.

use crate::nsga2::population::Population;
use vilfredo_core::{PointsView, Result};
use vilfredo_pareto::hv_contributions;

/// The indices of `merged` that survive when `n_remove` individuals are dropped, in
/// increasing order, with their ranks (`rank` being the ranks of `merged` under
/// constrained domination).
///
/// Each removal looks at the worst remaining rank:
/// - infeasible members (a rank holds infeasible members of one violation only, so the
///   whole rank is infeasible): the latest of them goes, a choice the paper leaves open;
/// - feasible members: the one of least exclusive hypervolume contribution among them,
///   with reference point `worst + ref_offset` per objective over that front (the paper
///   takes the worst of the front shifted by a constant), ties going to the earliest.
///
/// Removing a member of the worst front changes no other rank, since it dominates no
/// other member, so the ranks are computed once.
pub(crate) fn reduce(
    merged: &Population,
    rank: &[usize],
    n_remove: usize,
    ref_offset: f64,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let m = merged.n_obj;
    let mut alive = vec![true; merged.len()];
    let mut front = Vec::new();
    let mut values = Vec::new();
    for _ in 0..n_remove.min(merged.len()) {
        let worst = (0..merged.len())
            .filter(|&i| alive[i])
            .map(|i| rank[i])
            .max()
            .unwrap_or(0);
        front.clear();
        front.extend((0..merged.len()).filter(|&i| alive[i] && rank[i] == worst));
        let victim = match front.as_slice() {
            [] => break,
            [only] => *only,
            [.., latest] if merged.cv[*latest] > 0.0 => *latest,
            _ => {
                values.clear();
                for &i in &front {
                    values.extend_from_slice(&merged.f[i * m..(i + 1) * m]);
                }
                let c = least_contributor(&values, m, ref_offset)?;
                front[c]
            }
        };
        alive[victim] = false;
    }
    let chosen: Vec<usize> = (0..merged.len()).filter(|&i| alive[i]).collect();
    let ranks = chosen.iter().map(|&i| rank[i]).collect();
    Ok((chosen, ranks))
}

/// The index of the point of `front` (row-major, `m` objectives) with the smallest
/// exclusive hypervolume contribution, the earliest among equals, with the reference
/// point `max + ref_offset` in every objective.
///
/// The reference point is moved to the next larger number where adding the offset is
/// lost to rounding, so that the worst points still strictly dominate it and contribute;
/// at `f64::MAX` it cannot be moved and those points contribute 0.
fn least_contributor(front: &[f64], m: usize, ref_offset: f64) -> Result<usize> {
    let points = PointsView::named("objectives", front, m)?;
    let reference: Vec<f64> = (0..m)
        .map(|j| {
            let worst = points
                .rows()
                .map(|r| r[j])
                .fold(f64::NEG_INFINITY, f64::max);
            let r = worst + ref_offset;
            if r > worst && r.is_finite() {
                r
            } else {
                worst.next_up().min(f64::MAX)
            }
        })
        .collect();
    let c = hv_contributions(points, &reference)?;
    let mut best = 0;
    for (i, v) in c.iter().enumerate() {
        if *v < c[best] {
            best = i;
        }
    }
    Ok(best)
}
