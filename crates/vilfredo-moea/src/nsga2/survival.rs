//! Elitist survival of NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, §III-C): rank the
//! merged parents and offspring, take whole fronts while they fit, and fill the rest
//! from the first front that does not fit, largest crowding distance first.

use super::population::{Fronts, Population};
use vilfredo_core::Result;

/// The indices of the `n_survive` survivors of `merged`, front by front; within the split
/// front by decreasing crowding distance (ties by index), elsewhere by index; and the rank
/// of each survivor.
///
/// The survivors' ranks in `merged` are their ranks among the survivors too: every front
/// before the last one taken is kept whole, so each survivor keeps all its dominators of
/// lower rank (rank is the length of the longest chain of dominators above a point, under
/// constrained domination as well), which spares ranking the survivors again.
pub(crate) fn survivors(merged: &Population, n_survive: usize) -> Result<(Vec<usize>, Vec<usize>)> {
    let rank = merged.ranks()?;
    let mut chosen = Vec::with_capacity(n_survive);
    let mut scratch = Vec::new();
    for front in Fronts::of(&rank).iter() {
        let room = n_survive - chosen.len();
        if room == 0 {
            break;
        }
        if front.len() <= room {
            chosen.extend_from_slice(front);
            continue;
        }
        let d = merged.front_crowding(front, &mut scratch)?;
        let mut order: Vec<usize> = (0..front.len()).collect();
        // Larger distance first, equal distances by index: a total order, so the chosen
        // set is unique and a partial selection finds it in linear time.
        order.select_nth_unstable_by(room - 1, |&a, &b| d[b].total_cmp(&d[a]).then(a.cmp(&b)));
        let mut kept: Vec<usize> = order[..room].iter().map(|&k| front[k]).collect();
        // Survivors of a front are stored in index order, like whole fronts.
        kept.sort_unstable();
        chosen.extend_from_slice(&kept);
    }
    let ranks = chosen.iter().map(|&i| rank[i]).collect();
    Ok((chosen, ranks))
}
