//! Exclusive contributions in four or more objectives via limit sets.
//!
//! The exclusive region of a front point `p` is its box `[p, r)` minus the boxes of the
//! *limit set* `{max(p, q)}` of the other points (While, Bradstreet & Barone, "A fast way
//! of calculating exact hypervolumes", IEEE TEVC 16(1), 2012, §III). The limit set is
//! reduced to its non-dominated part, which is usually small, and measured exactly by the
//! crate's exact hypervolume kernels (HV4D+ for four objectives, WFG beyond).
//!
//! Before that, the box is shrunk: a limit point that is 0 in every coordinate but `j`
//! (a neighbour better than `p` everywhere except in `j`) covers the whole slab
//! `x_j ≥ l_j` of the box, so the exclusive region lies in `x_j < l_j`. On typical fronts
//! the shrunk box is tight and most limit points fall outside it, which makes the filter
//! cheap and also improves accuracy, since less volume is subtracted.
//!
//! Everything is expressed relative to `p` (`q − p`, `r − p`), so the result does not
//! depend on the scale or offset of the data.

use super::Reduced;
use super::local::nd_filter;
use crate::hypervolume::hypervolume_of;

/// Contributions of the front points of `red` (`m ≥ 4`), in front order.
pub(super) fn contributions(red: &Reduced, r: &[f64]) -> Vec<f64> {
    // Calling the inlined kernel with literal widths lets the compiler unroll the
    // coordinate loops for the common objective counts.
    match red.m {
        4 => contributions_m(red, r, 4),
        5 => contributions_m(red, r, 5),
        6 => contributions_m(red, r, 6),
        m => contributions_m(red, r, m),
    }
}

#[inline(always)]
fn contributions_m(red: &Reduced, r: &[f64], m: usize) -> Vec<f64> {
    let k = red.len();
    let mut out = Vec::with_capacity(k);
    let mut u = vec![0.0; m];
    let mut limit: Vec<f64> = Vec::new();
    let mut nd: Vec<f64> = Vec::new();
    let mut order = Vec::new();
    for i in 0..k {
        let p = red.row(i);
        for (uj, (rj, pj)) in u.iter_mut().zip(r.iter().zip(p)) {
            *uj = rj - pj;
        }
        // Pass 1: shrink the box with the axis-aligned limit points.
        for (j, q) in red.front.chunks_exact(m).enumerate() {
            if j != i {
                shrink(q, p, &mut u, m);
            }
        }
        for q in red.private[i].chunks_exact(m) {
            shrink(q, p, &mut u, m);
        }
        // Pass 2: the limit points inside the shrunk box. The front is sorted by the
        // first objective, so only rows with q_0 < p_0 + u_0 can reach into it.
        let bound = p[0] + u[0];
        let end = red.front[..k * m]
            .chunks_exact(m)
            .position(|q| q[0] >= bound)
            .unwrap_or(k);
        limit.clear();
        for (j, q) in red.front[..end * m].chunks_exact(m).enumerate() {
            if j != i {
                push_inside(q, p, &u, m, &mut limit);
            }
        }
        for q in red.private[i].chunks_exact(m) {
            push_inside(q, p, &u, m, &mut limit);
        }
        nd.clear();
        nd_filter(&limit, m, &mut nd, &mut order);
        let v = u.iter().product::<f64>() - hypervolume_of(&nd, &u);
        out.push(v.max(0.0));
    }
    out
}

/// Lowers `u[j]` to `q_j − p_j` when `q` is no worse than `p` in every coordinate but `j`.
#[inline(always)]
fn shrink(q: &[f64], p: &[f64], u: &mut [f64], m: usize) {
    let mut worse = 0usize;
    let mut axis = 0usize;
    for j in 0..m {
        if q[j] > p[j] {
            worse += 1;
            axis = j;
        }
    }
    if worse == 1 {
        let d = q[axis] - p[axis];
        if d < u[axis] {
            u[axis] = d;
        }
    }
}

/// Appends `max(q, p) − p` to `limit` when it lies inside the box `[0, u)`.
#[inline(always)]
fn push_inside(q: &[f64], p: &[f64], u: &[f64], m: usize, limit: &mut Vec<f64>) {
    for j in 0..m {
        if q[j] - p[j] >= u[j] {
            return;
        }
    }
    limit.extend((0..m).map(|j| if q[j] > p[j] { q[j] - p[j] } else { 0.0 }));
}
