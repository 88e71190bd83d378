//! Crowding distance (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist
//! multiobjective genetic algorithm: NSGA-II", IEEE TEVC 6(2)).
//!
//! For each objective the points are sorted by that objective (ties keep their input
//! order). The first and last points of that order get an infinite distance; every other
//! point adds `(next − prev) / (max − min)`, computed as the gap to the previous point
//! plus the gap to the next, each divided by the range. The total is divided by the
//! number of objectives, which is what pymoo's `calc_crowding_distance` (the `"cd"`
//! diversity of its NSGA-II survival) computes; this scale does not change any
//! comparison between points of one set.
//!
//! Edge cases, none of which produces NaN:
//!
//! - `n ≤ 2`: every distance is infinite (both points are extremes);
//! - an objective with `max == min` adds 0 to every point, including its "extremes";
//!   if every objective is constant, every distance is 0 (for `n ≥ 3`);
//! - values spanning more than `f64::MAX` (for example `-1e308` and `1e308`) are halved
//!   before taking differences, so gaps and range stay finite;
//! - duplicated points are treated as distinct points that happen to be at distance 0:
//!   among equal values the input order decides who is first and last, so one copy of a
//!   duplicated extreme point can be infinite while the other copies get finite values.
//!   This matches pymoo's `"cd"`, which does not filter duplicates either.

use super::presort::{key, radix_sort};
use vilfredo_core::PointsView;

/// Crowding distance of each point within its set; see the module documentation.
pub(crate) fn crowding_distance(points: PointsView<'_>) -> Vec<f64> {
    let n = points.n_points();
    let m = points.n_obj();
    if n <= 2 {
        return vec![f64::INFINITY; n];
    }
    let data = points.as_slice();
    let mut dist = vec![0.0f64; n];
    let mut items: Vec<(u64, u32)> = Vec::with_capacity(n);
    let mut scratch = Vec::new();
    for j in 0..m {
        items.clear();
        items.extend((0..n).map(|i| (key(data[i * m + j]), i as u32)));
        radix_sort(&mut items, &mut scratch);
        // Values spanning more than f64::MAX would make gaps and range infinite and
        // their ratio NaN; halving them first is exact for normal numbers and changes
        // no ratio, so it is only done then.
        let scale = if (data_max(&items, data, m, j) - data_min(&items, data, m, j)).is_finite() {
            1.0
        } else {
            0.5
        };
        let value = |pos: usize| (data[items[pos].1 as usize * m + j] + 0.0) * scale;
        let range = value(n - 1) - value(0);
        if range == 0.0 {
            continue;
        }
        dist[items[0].1 as usize] = f64::INFINITY;
        dist[items[n - 1].1 as usize] = f64::INFINITY;
        for pos in 1..n - 1 {
            let v = value(pos);
            let gap = (v - value(pos - 1)) / range + (value(pos + 1) - v) / range;
            dist[items[pos].1 as usize] += gap;
        }
    }
    let n_obj = m as f64;
    for d in &mut dist {
        *d /= n_obj;
    }
    dist
}

/// Largest value of objective `j`, `items` being sorted by it.
#[inline]
fn data_max(items: &[(u64, u32)], data: &[f64], m: usize, j: usize) -> f64 {
    items.last().map_or(0.0, |&(_, i)| data[i as usize * m + j])
}

/// Smallest value of objective `j`, `items` being sorted by it.
#[inline]
fn data_min(items: &[(u64, u32)], data: &[f64], m: usize, j: usize) -> f64 {
    items
        .first()
        .map_or(0.0, |&(_, i)| data[i as usize * m + j])
}
