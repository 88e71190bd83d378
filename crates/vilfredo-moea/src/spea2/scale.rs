//! The objective space in which SPEA2 measures its distances: normalized by the ideal
//! point and the nadir estimated from the hyperplane through the extreme points, with
//! the memory and fallbacks of NSGA-III's adaptive normalization (Deb & Jain 2014,
//! §IV-C; see `nsga3::normalize`).
//!
//! The paper measures distances in raw objective space, where an objective of larger
//! range dominates both the density and the truncation: on ZDT1 early in a run `f2`
//! spans several units and `f1` one, so the archive is spread along `f2` and thinned
//! along `f1`. Normalizing makes SPEA2 invariant to the scale of each objective; pymoo
//! 0.6.2's SPEA2 does it by default (`SPEA2Survival(normalize=True)`), in the same way.

use crate::nsga2::population::Population;
use crate::nsga3::{NormalizationMemory, normalize};

/// The objective vectors of `pop` (row-major) divided, per objective, by the range from
/// the ideal point to the estimated nadir, after updating `memory` with the feasible
/// members (all of them are candidates for the extreme points, as in pymoo's SPEA2).
/// `None`, and no update, when no member is feasible. An objective whose range is not
/// positive is left unscaled.
pub(crate) fn normalized(
    pop: &Population,
    memory: &mut Option<NormalizationMemory>,
) -> Option<Vec<f64>> {
    let m = pop.n_obj;
    let feasible: Vec<f64> = (0..pop.len())
        .filter(|&i| pop.cv[i] == 0.0 && !pop.failed[i])
        .flat_map(|i| pop.f_row(i).iter().copied())
        .collect();
    if feasible.is_empty() {
        return None;
    }
    let all: Vec<usize> = (0..feasible.len() / m).collect();
    let nadir = normalize::update(memory, &feasible, m, &all);
    let ideal = &memory.as_ref()?.ideal;
    let scale: Vec<f64> = (0..m)
        .map(|k| {
            let r = nadir[k] - ideal[k];
            if r > 0.0 && r.is_finite() { r } else { 1.0 }
        })
        .collect();
    Some(
        pop.f
            .chunks_exact(m)
            .flat_map(|r| {
                (0..m)
                    .map(|k| (r[k] - ideal[k]) / scale[k])
                    .collect::<Vec<_>>()
            })
            .collect(),
    )
}
