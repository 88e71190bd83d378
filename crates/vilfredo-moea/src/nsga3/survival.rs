//! Survival of NSGA-III (Deb & Jain 2014, Algorithm 1), with constraints handled as in
//! Jain & Deb (2014, Part II) and pymoo: the feasible members compete by non-dominated
//! sorting and niching, and any room left goes to the infeasible ones by increasing
//! total violation.

use super::niching::{associate, niche_select, normalized};
use super::normalize::{NormalizationMemory, update};
use crate::evaluated::Evaluated;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{PointsView, Result};
use vilfredo_pareto::sort::pareto_rank;

/// The indices of the `n_survive` survivors of `merged` (at most `merged.len()`), in the
/// order they are stored: feasible survivors front by front (each front in index order),
/// then infeasible ones by increasing violation (ties by index).
pub(crate) fn survivors(
    merged: &Evaluated,
    n_survive: usize,
    dirs: &[f64],
    memory: &mut Option<NormalizationMemory>,
    rng: &mut SplitMix64,
) -> Result<Vec<usize>> {
    let n_survive = n_survive.min(merged.len());
    let feasible: Vec<usize> = (0..merged.len()).filter(|&i| merged.cv[i] == 0.0).collect();
    let mut chosen = Vec::with_capacity(n_survive);
    if !feasible.is_empty() {
        let m = merged.n_obj;
        let mut f = Vec::with_capacity(feasible.len() * m);
        for &i in &feasible {
            f.extend_from_slice(merged.f_row(i));
        }
        let kept = reference_survival(&f, m, n_survive.min(feasible.len()), dirs, memory, rng)?;
        chosen.extend(kept.into_iter().map(|k| feasible[k]));
    }
    if chosen.len() < n_survive {
        let mut infeasible: Vec<usize> =
            (0..merged.len()).filter(|&i| merged.cv[i] > 0.0).collect();
        infeasible.sort_by(|&a, &b| merged.cv[a].total_cmp(&merged.cv[b]).then(a.cmp(&b)));
        infeasible.truncate(n_survive - chosen.len());
        chosen.extend(infeasible);
    }
    Ok(chosen)
}

/// NSGA-III selection of `n_survive` rows of the feasible objective vectors `f`: whole
/// fronts while they fit, then niching on the split front.
fn reference_survival(
    f: &[f64],
    m: usize,
    n_survive: usize,
    dirs: &[f64],
    memory: &mut Option<NormalizationMemory>,
    rng: &mut SplitMix64,
) -> Result<Vec<usize>> {
    let rank = pareto_rank(PointsView::named("objectives", f, m)?);
    let n = rank.len();
    // Fronts as lists of indices, in index order.
    let n_fronts = rank.iter().max().map_or(0, |&r| r + 1);
    let mut fronts: Vec<Vec<usize>> = vec![Vec::new(); n_fronts];
    for (i, &r) in rank.iter().enumerate() {
        fronts[r].push(i);
    }
    let nadir = update(memory, f, m, &fronts[0]);
    let Some(mem) = memory.as_ref() else {
        return Ok((0..n).collect());
    };
    // Whole fronts up to and including the one that reaches `n_survive`.
    let mut taken = 0;
    let mut last = 0;
    for (k, front) in fronts.iter().enumerate() {
        taken += front.len();
        last = k;
        if taken >= n_survive {
            break;
        }
    }
    let mut chosen: Vec<usize> = fronts[..last].concat();
    if taken == n_survive {
        chosen.extend_from_slice(&fronts[last]);
        return Ok(chosen);
    }
    // Associate the members before the split front and the split front itself.
    let n_dirs = dirs.len() / m;
    let mut count = vec![0usize; n_dirs];
    let rows = |ids: &[usize]| -> Vec<f64> {
        let mut out = Vec::with_capacity(ids.len() * m);
        for &i in ids {
            out.extend_from_slice(&f[i * m..(i + 1) * m]);
        }
        out
    };
    if !chosen.is_empty() {
        let (niche, _) = associate(&normalized(&rows(&chosen), m, &mem.ideal, &nadir), dirs, m);
        for j in niche {
            count[j] += 1;
        }
    }
    let split = &fronts[last];
    let (niche, dist) = associate(&normalized(&rows(split), m, &mem.ideal, &nadir), dirs, m);
    let mut picked = niche_select(n_survive - chosen.len(), &mut count, &niche, &dist, rng);
    picked.sort_unstable();
    chosen.extend(picked.into_iter().map(|p| split[p]));
    Ok(chosen)
}
