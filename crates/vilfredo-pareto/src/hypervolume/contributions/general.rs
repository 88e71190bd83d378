//! Exclusive contributions in three or more objectives via limit sets.
//!
//! The exclusive region of a front point `p` is its box `[p, r)` minus the boxes of the
//! *limit set* `{max(p, q)}` of the other points (While, Bradstreet & Barone, "A fast way
//! of calculating exact hypervolumes", IEEE TEVC 16(1), 2012, §III). The limit set is
//! reduced to its non-dominated part, which is usually small, and measured exactly by
//! [`super::local::hv_local`]. Everything is expressed relative to `p` (`q − p`, `r − p`),
//! so the result does not depend on the scale or offset of the data.

use super::Reduced;
use super::local::{box_volume, hv_local, nd_filter};

/// Contributions of the front points of `red` (`m ≥ 3`), in front order.
pub(super) fn contributions(red: &Reduced, r: &[f64]) -> Vec<f64> {
    let m = red.m;
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
        limit.clear();
        let others = (0..k).filter(|&j| j != i).map(|j| red.row(j));
        for q in others.chain(red.private[i].chunks_exact(m)) {
            let start = limit.len();
            let mut empty = false;
            for ((qj, pj), uj) in q.iter().zip(p).zip(&u) {
                let d = if qj > pj { qj - pj } else { 0.0 };
                empty |= d >= *uj;
                limit.push(d);
            }
            if empty {
                limit.truncate(start);
            }
        }
        nd.clear();
        nd_filter(&limit, m, &mut nd, &mut order);
        let v = box_volume(&vec![0.0; m], &u) - hv_local(&nd, m, &u);
        out.push(v.max(0.0));
    }
    out
}
