//! Elitist survival of NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, §III-C): rank the
//! merged parents and offspring, take whole fronts while they fit, and fill the rest
//! from the first front that does not fit, largest crowding distance first.

use super::population::{Fronts, Population};
use vilfredo_core::Result;

/// The survivors of `merged` and what selection compares of them.
pub(crate) struct Survivors {
    /// Indices into the merged population, front by front, each front in index order.
    pub chosen: Vec<usize>,
    /// Rank of each survivor.
    pub rank: Vec<usize>,
    /// Crowding distance of each survivor within its front of the merged population:
    /// on the front split by survival, among the whole front, as Deb's code and pymoo
    /// keep it.
    pub crowding: Vec<f64>,
}

/// The `n_survive` survivors of `merged`, front by front; within the split front by
/// decreasing crowding distance (ties by index), elsewhere by index.
///
/// The survivors' ranks in `merged` are their ranks among the survivors too: every front
/// before the last one taken is kept whole, so each survivor keeps all its dominators of
/// lower rank (rank is the length of the longest chain of dominators above a point, under
/// constrained domination as well), which spares ranking the survivors again.
pub(crate) fn survivors(merged: &Population, n_survive: usize) -> Result<Survivors> {
    let rank = merged.ranks()?;
    let mut chosen = Vec::with_capacity(n_survive);
    let mut crowding = Vec::with_capacity(n_survive);
    let mut scratch = Vec::new();
    for front in Fronts::of(&rank).iter() {
        let room = n_survive - chosen.len();
        if room == 0 {
            break;
        }
        let d = merged.front_crowding(front, &mut scratch)?;
        if front.len() <= room {
            chosen.extend_from_slice(front);
            crowding.extend_from_slice(&d);
            continue;
        }
        let mut order: Vec<usize> = (0..front.len()).collect();
        // Larger distance first, equal distances by index: a total order, so the chosen
        // set is unique and a partial selection finds it in linear time.
        order.select_nth_unstable_by(room - 1, |&a, &b| d[b].total_cmp(&d[a]).then(a.cmp(&b)));
        let kept = &mut order[..room];
        // Survivors of a front are stored in index order, like whole fronts (`front` is
        // increasing, so positions in it sort as its members do).
        kept.sort_unstable();
        chosen.extend(kept.iter().map(|&k| front[k]));
        crowding.extend(kept.iter().map(|&k| d[k]));
    }
    let rank = chosen.iter().map(|&i| rank[i]).collect();
    Ok(Survivors {
        chosen,
        rank,
        crowding,
    })
}
