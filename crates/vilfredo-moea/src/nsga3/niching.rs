//! Association to reference lines and niche-preserving selection of NSGA-III (Deb & Jain
//! 2014, §IV-D and §IV-E).

use vilfredo_core::rng::SplitMix64;

/// Normalized objective vectors: `(f − z) / (nadir − z)`, a zero range counting as
/// `10⁻¹²` (so that a flat axis does not divide by zero).
pub(crate) fn normalized(f: &[f64], m: usize, ideal: &[f64], nadir: &[f64]) -> Vec<f64> {
    let range: Vec<f64> = nadir
        .iter()
        .zip(ideal)
        .map(|(&n, &z)| if n - z == 0.0 { 1e-12 } else { n - z })
        .collect();
    let mut out = Vec::with_capacity(f.len());
    for r in f.chunks_exact(m) {
        out.extend((0..m).map(|k| (r[k] - ideal[k]) / range[k]));
    }
    out
}

/// The perpendicular distance from point `p` to the line through the origin along `w`
/// (the definition that [`associate`] computes in bulk).
#[cfg(test)]
pub(crate) fn perpendicular_distance(p: &[f64], w: &[f64]) -> f64 {
    let ww: f64 = w.iter().map(|v| v * v).sum();
    let t = p.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / ww;
    p.iter()
        .zip(w)
        .map(|(&a, &b)| (a - t * b) * (a - t * b))
        .sum::<f64>()
        .sqrt()
}

/// For each normalized point, the reference direction (row of `dirs`) whose line is
/// nearest, the first on ties, and the distance to it.
///
/// The same arithmetic as `perpendicular_distance`, with each direction's squared
/// norm computed once and the square root taken only of the nearest line's distance.
pub(crate) fn associate(points: &[f64], dirs: &[f64], m: usize) -> (Vec<usize>, Vec<f64>) {
    let ww: Vec<f64> = dirs
        .chunks_exact(m)
        .map(|w| w.iter().map(|v| v * v).sum())
        .collect();
    let mut niche = Vec::with_capacity(points.len() / m);
    let mut dist = Vec::with_capacity(points.len() / m);
    for p in points.chunks_exact(m) {
        let mut best = (f64::INFINITY, 0usize);
        for (j, (w, &wwj)) in dirs.chunks_exact(m).zip(&ww).enumerate() {
            let t = p.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / wwj;
            let d2 = p
                .iter()
                .zip(w)
                .map(|(&a, &b)| (a - t * b) * (a - t * b))
                .sum::<f64>();
            if d2 < best.0 {
                best = (d2, j);
            }
        }
        niche.push(best.1);
        dist.push(best.0.sqrt());
    }
    (niche, dist)
}

/// Niche-preserving selection of `k` members of the last front (Deb & Jain 2014,
/// Algorithm 4): repeatedly take a reference direction of least niche count `count`
/// among those with members left (ties broken at random); if its count is 0 take its
/// member nearest to the line (first on ties), otherwise a random member. `niche` and
/// `dist` describe the last front's members; returns their positions, in the order
/// chosen. `k` must not exceed the number of members.
///
/// All directions tied at the least count are served in one random order before any is
/// served twice, which is the paper's one-at-a-time rule with random tie-breaking.
pub(crate) fn niche_select(
    k: usize,
    count: &mut [usize],
    niche: &[usize],
    dist: &[f64],
    rng: &mut SplitMix64,
) -> Vec<usize> {
    // Members of each direction, still available.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count.len()];
    for (i, &j) in niche.iter().enumerate() {
        members[j].push(i);
    }
    let mut active: Vec<usize> = (0..count.len())
        .filter(|&j| !members[j].is_empty())
        .collect();
    let mut chosen = Vec::with_capacity(k);
    let mut tied = Vec::new();
    while chosen.len() < k && !active.is_empty() {
        let least = active.iter().map(|&j| count[j]).min().unwrap_or(0);
        tied.clear();
        tied.extend(active.iter().copied().filter(|&j| count[j] == least));
        for i in (1..tied.len()).rev() {
            let r = rng.below(i as u64 + 1) as usize;
            tied.swap(i, r);
        }
        tied.truncate(k - chosen.len());
        for &j in &tied {
            let list = &mut members[j];
            let pos = if count[j] == 0 {
                let mut best = 0;
                for (p, &i) in list.iter().enumerate() {
                    if dist[i] < dist[list[best]] {
                        best = p;
                    }
                }
                best
            } else {
                rng.below(list.len() as u64) as usize
            };
            // Keep the list in its original order so positions stay meaningful.
            chosen.push(list.remove(pos));
            count[j] += 1;
        }
        active.retain(|&j| !members[j].is_empty());
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_by_hand() {
        // (1, 1) to the line along (1, 0): 1; along (1, 1): 0; along (0.5, 0.5): 0.
        assert!((perpendicular_distance(&[1.0, 1.0], &[1.0, 0.0]) - 1.0).abs() < 1e-15);
        assert!(perpendicular_distance(&[1.0, 1.0], &[1.0, 1.0]).abs() < 1e-15);
        assert!(perpendicular_distance(&[1.0, 1.0], &[0.5, 0.5]).abs() < 1e-15);
        // (1, 0, 0) to the line along (1, 1, 1): sqrt(1 − 1/3) = sqrt(2/3).
        let d = perpendicular_distance(&[1.0, 0.0, 0.0], &[1.0, 1.0, 1.0]);
        assert!((d - (2.0f64 / 3.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn normalization_then_association_by_hand() {
        // Ideal (1, 2), nadir (3, 6): (2, 4) maps to (0.5, 0.5), on the diagonal;
        // (3, 2.4) maps to (1, 0.1), nearest to the axis direction (1, 0).
        let n = normalized(&[2.0, 4.0, 3.0, 2.4], 2, &[1.0, 2.0], &[3.0, 6.0]);
        assert!((n[0] - 0.5).abs() < 1e-15 && (n[1] - 0.5).abs() < 1e-15);
        assert!((n[2] - 1.0).abs() < 1e-15 && (n[3] - 0.1).abs() < 1e-12);
        let dirs = [1.0, 0.0, 0.5, 0.5, 0.0, 1.0];
        let (niche, dist) = associate(&n, &dirs, 2);
        assert_eq!(niche, vec![1, 0]);
        assert!(dist[0].abs() < 1e-15);
        assert!((dist[1] - 0.1).abs() < 1e-12);
        // A flat axis (nadir = ideal) divides by 10⁻¹² instead of 0.
        let n = normalized(&[1.0, 2.0], 2, &[1.0, 1.0], &[1.0, 3.0]);
        assert_eq!(n, vec![0.0, 0.5]);
    }

    #[test]
    fn empty_niches_take_their_nearest_member_first() {
        // Direction 0 already has 1 member, direction 1 none: the first pick is the
        // member of direction 1 nearest to its line (position 2), then direction 0 and 1
        // are tied at 1 and both are served.
        let mut count = vec![1, 0];
        let niche = [0, 1, 1, 1];
        let dist = [0.3, 0.2, 0.1, 0.4];
        let mut rng = SplitMix64::new(1);
        let chosen = niche_select(3, &mut count, &niche, &dist, &mut rng);
        assert_eq!(chosen[0], 2);
        assert_eq!(chosen.len(), 3);
        assert!(chosen[1..].contains(&0), "{chosen:?}");
        assert_eq!(count, vec![2, 2]);
    }

    #[test]
    fn selection_spreads_over_directions() {
        // Four directions, eight members two per direction, pick four: one per direction,
        // the nearer one each time because every count starts at 0.
        let mut count = vec![0; 4];
        let niche = [0, 0, 1, 1, 2, 2, 3, 3];
        let dist = [0.2, 0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2];
        let mut rng = SplitMix64::new(5);
        let mut chosen = niche_select(4, &mut count, &niche, &dist, &mut rng);
        chosen.sort_unstable();
        assert_eq!(chosen, vec![1, 2, 5, 6]);
        assert_eq!(count, vec![1; 4]);
    }
}
