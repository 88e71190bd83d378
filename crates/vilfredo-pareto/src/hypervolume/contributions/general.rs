//! Exclusive contributions in four or more objectives via limit sets.
//!
//! The exclusive region of a front point `p` is its box `[p, r)` minus the boxes of the
//! *limit set* `{max(p, q)}` of the other points (While, Bradstreet & Barone, "A fast way
//! of calculating exact hypervolumes", IEEE TEVC 16(1), 2012, §III). The limit set is
//! reduced to its non-dominated part, which is usually small, and measured exactly by the
//! crate's exact hypervolume kernels (HV4D+ for four objectives, WFG beyond). Everything is expressed relative to `p` (`q − p`, `r − p`),
//! so the result does not depend on the scale or offset of the data.

use super::Reduced;
use super::local::nd_filter;
use crate::hypervolume::hypervolume_of;

/// Contributions of the front points of `red` (`m ≥ 4`), in front order.
pub(super) fn contributions(red: &Reduced, r: &[f64]) -> Vec<f64> {
    let m = red.m;
    let k = red.len();
    let mut out = Vec::with_capacity(k);
    let mut u = vec![0.0; m];
    let mut limit: Vec<f64> = Vec::new();
    let mut nd: Vec<f64> = Vec::new();
    let mut order = Vec::new();
    let mut l = vec![0.0; m];
    for i in 0..k {
        let p = red.row(i);
        for (uj, (rj, pj)) in u.iter_mut().zip(r.iter().zip(p)) {
            *uj = rj - pj;
        }
        let others = || {
            (0..k)
                .filter(move |&j| j != i)
                .map(|j| red.row(j))
                .chain(red.private[i].chunks_exact(m))
        };
        // Pass 1: shrink the box. A limit point that is 0 in every coordinate but `j`
        // covers the whole slab `x_j ≥ l_j` of p's box, so the exclusive region lies in
        // `x_j < l_j`. Near neighbours give such points, so the box usually becomes tight
        // and most limit points fall outside it in pass 2.
        for q in others() {
            let mut axis = usize::MAX;
            let mut d = 0.0;
            for (j, (qj, pj)) in q.iter().zip(p).enumerate() {
                if qj > pj {
                    if axis != usize::MAX {
                        axis = usize::MAX - 1;
                        break;
                    }
                    axis = j;
                    d = qj - pj;
                }
            }
            if axis < m && d < u[axis] {
                u[axis] = d;
            }
        }
        // Pass 2: the limit points that reach into the shrunk box.
        limit.clear();
        for q in others() {
            let mut inside = true;
            for (((lj, qj), pj), uj) in l.iter_mut().zip(q).zip(p).zip(&u) {
                *lj = if qj > pj { qj - pj } else { 0.0 };
                if *lj >= *uj {
                    inside = false;
                    break;
                }
            }
            if inside {
                limit.extend_from_slice(&l);
            }
        }
        nd.clear();
        nd_filter(&limit, m, &mut nd, &mut order);
        let v = u.iter().product::<f64>() - hypervolume_of(&nd, &u);
        out.push(v.max(0.0));
    }
    out
}
