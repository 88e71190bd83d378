//! NSGA-III's truncation of the last front: niching around reference directions.
//!
//! Deb & Jain (2014, "An evolutionary many-objective optimization algorithm using
//! reference-point-based nondominated sorting approach, part I", IEEE TEVC 18(4)),
//! section IV: the members already accepted and the last front are normalised (ideal
//! point subtracted, divided by the intercepts of the hyperplane through the extreme
//! points), each is associated with the nearest reference line, and members of the last
//! front are added one at a time to the least crowded reference direction.

use std::sync::OnceLock;

use vilfredo_core::design::{das_dennis, n_das_dennis};
use vilfredo_core::rng::SplitMix64;

use super::population::{Member, Truncation};
use crate::error::{Result, invalid};

/// Reference-point niching, with its directions (given, or built on first use).
#[derive(Debug)]
pub(crate) struct Niching {
    given: Option<(Vec<f64>, usize)>,
    built: OnceLock<Option<Vec<f64>>>,
    population_size: usize,
    seed: u64,
}

impl Niching {
    /// Niching with `directions` (row-major, `n_obj` columns) or, when `None`, the
    /// smallest Das–Dennis lattice with at least `population_size` points.
    ///
    /// # Errors
    /// `Invalid` for an empty, ragged, negative or non-finite set of directions.
    pub fn new(
        directions: Option<(Vec<f64>, usize)>,
        population_size: usize,
        seed: u64,
    ) -> Result<Self> {
        if let Some((d, m)) = &directions {
            let ok = *m > 0
                && !d.is_empty()
                && d.len() % m == 0
                && d.iter().all(|x| x.is_finite() && *x >= 0.0)
                && d.chunks_exact(*m).all(|w| w.iter().sum::<f64>() > 0.0);
            if !ok {
                return Err(invalid(
                    "reference_directions",
                    "need whole rows of finite non-negative numbers, none all zero",
                ));
            }
        }
        Ok(Self {
            given: directions,
            built: OnceLock::new(),
            population_size,
            seed,
        })
    }

    /// The directions for `m` objectives, or `None` when they do not fit `m`.
    fn directions(&self, m: usize) -> Option<&[f64]> {
        match &self.given {
            Some((d, cols)) => (*cols == m).then_some(d.as_slice()),
            None => self
                .built
                .get_or_init(|| {
                    let p = (1..=10_000)
                        .find(|&p| n_das_dennis(m, p).is_none_or(|n| n >= self.population_size))?;
                    das_dennis(m, p).ok().map(|w| w.as_slice().to_vec())
                })
                .as_deref()
                .filter(|d| d.len() % m == 0),
        }
    }
}

impl Truncation for Niching {
    fn crowded_tournament(&self) -> bool {
        false
    }

    fn choose(
        &self,
        all: &[Member],
        accepted: &[usize],
        last: &[usize],
        keep: usize,
    ) -> Result<Vec<usize>> {
        let Some(first) = last.first() else {
            return Ok(Vec::new());
        };
        let m = all[*first].objectives.len();
        let Some(refs) = self.directions(m) else {
            return Err(invalid(
                "reference_directions",
                format!("the directions do not have {m} columns, one per objective"),
            ));
        };
        let members: Vec<usize> = accepted.iter().chain(last).copied().collect();
        let normalized = normalize(all, &members, m);
        let n_refs = refs.len() / m;
        let mut niche = vec![0usize; n_refs];
        // (reference, distance) of each member of `members`.
        let assoc: Vec<(usize, f64)> = normalized
            .chunks_exact(m)
            .map(|p| nearest_line(p, refs, m))
            .collect();
        for (k, _) in accepted.iter().enumerate() {
            niche[assoc[k].0] += 1;
        }
        // Candidates of the last front per reference direction.
        let mut by_ref: Vec<Vec<usize>> = vec![Vec::new(); n_refs];
        for (k, _) in last.iter().enumerate() {
            by_ref[assoc[accepted.len() + k].0].push(k);
        }
        // The random choices are a function of the trials involved, so survival is
        // reproducible.
        let salt = last
            .iter()
            .fold(self.seed, |h, &i| h.rotate_left(7) ^ all[i].number);
        let mut rng = SplitMix64::new(salt);
        let mut open: Vec<bool> = vec![true; n_refs];
        let mut chosen = Vec::with_capacity(keep);
        while chosen.len() < keep {
            let Some(min) = (0..n_refs).filter(|&j| open[j]).map(|j| niche[j]).min() else {
                break;
            };
            let least: Vec<usize> = (0..n_refs)
                .filter(|&j| open[j] && niche[j] == min)
                .collect();
            let j = least[rng.below(least.len() as u64) as usize];
            if by_ref[j].is_empty() {
                open[j] = false;
                continue;
            }
            let pick = if niche[j] == 0 {
                // The closest to the line founds the niche.
                let dist = |k: usize| assoc[accepted.len() + k].1;
                (0..by_ref[j].len())
                    .min_by(|&a, &b| dist(by_ref[j][a]).total_cmp(&dist(by_ref[j][b])))
                    .unwrap_or(0)
            } else {
                rng.below(by_ref[j].len() as u64) as usize
            };
            let k = by_ref[j].swap_remove(pick);
            chosen.push(last[k]);
            niche[j] += 1;
        }
        Ok(chosen)
    }
}

/// Objectives of `members` translated by the ideal point and divided by the intercepts
/// of the hyperplane through the extreme points (row-major); when that plane is
/// degenerate, divided by the range of each objective instead.
fn normalize(all: &[Member], members: &[usize], m: usize) -> Vec<f64> {
    let mut ideal = vec![f64::INFINITY; m];
    for &i in members {
        for (z, f) in ideal.iter_mut().zip(&all[i].objectives) {
            *z = z.min(*f);
        }
    }
    let shifted: Vec<f64> = members
        .iter()
        .flat_map(|&i| all[i].objectives.iter().zip(&ideal).map(|(f, z)| f - z))
        .collect();
    // Extreme point of axis j: the member minimising the achievement scalarising
    // function with weights e_j (1e-6 elsewhere).
    let mut extremes = Vec::with_capacity(m * m);
    for j in 0..m {
        let asf = |p: &[f64]| {
            p.iter()
                .enumerate()
                .map(|(i, x)| x / if i == j { 1.0 } else { 1e-6 })
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let best = shifted
            .chunks_exact(m)
            .min_by(|a, b| asf(a).total_cmp(&asf(b)));
        if let Some(p) = best {
            extremes.extend_from_slice(p);
        }
    }
    let mut worst = vec![0.0f64; m];
    for p in shifted.chunks_exact(m) {
        for (w, x) in worst.iter_mut().zip(p) {
            *w = w.max(*x);
        }
    }
    let intercepts = match solve(extremes, m) {
        Some(b) if b.iter().all(|x| *x > 0.0) => {
            let a: Vec<f64> = b.iter().map(|x| 1.0 / x).collect();
            if a.iter().all(|x| x.is_finite() && *x > 1e-10) {
                a
            } else {
                worst.clone()
            }
        }
        _ => worst.clone(),
    };
    shifted
        .chunks_exact(m)
        .flat_map(|p| {
            p.iter()
                .zip(&intercepts)
                .map(|(x, a)| if *a > 1e-10 { x / a } else { *x })
                .collect::<Vec<f64>>()
        })
        .collect()
}

/// Solves `E b = 1` for the `m × m` row-major `e` by Gaussian elimination with partial
/// pivoting; `None` when it is (nearly) singular.
fn solve(mut e: Vec<f64>, m: usize) -> Option<Vec<f64>> {
    if e.len() != m * m {
        return None;
    }
    let mut b = vec![1.0; m];
    for col in 0..m {
        let pivot =
            (col..m).max_by(|&a, &c| e[a * m + col].abs().total_cmp(&e[c * m + col].abs()))?;
        if e[pivot * m + col].abs() < 1e-12 {
            return None;
        }
        for k in 0..m {
            e.swap(col * m + k, pivot * m + k);
        }
        b.swap(col, pivot);
        for row in col + 1..m {
            let f = e[row * m + col] / e[col * m + col];
            for k in col..m {
                e[row * m + k] -= f * e[col * m + k];
            }
            b[row] -= f * b[col];
        }
    }
    for col in (0..m).rev() {
        let s: f64 = (col + 1..m).map(|k| e[col * m + k] * b[k]).sum();
        b[col] = (b[col] - s) / e[col * m + col];
    }
    b.iter().all(|x| x.is_finite()).then_some(b)
}

/// The reference line nearest to `p` and the perpendicular distance to it.
fn nearest_line(p: &[f64], refs: &[f64], m: usize) -> (usize, f64) {
    let mut best = (0, f64::INFINITY);
    for (j, w) in refs.chunks_exact(m).enumerate() {
        let ww: f64 = w.iter().map(|x| x * x).sum();
        let pw: f64 = p.iter().zip(w).map(|(a, b)| a * b).sum();
        let t = if ww > 0.0 { pw / ww } else { 0.0 };
        let d2: f64 = p.iter().zip(w).map(|(a, b)| (a - t * b).powi(2)).sum();
        if d2 < best.1 {
            best = (j, d2);
        }
    }
    (best.0, best.1.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_small_systems() {
        let b = solve(vec![2.0, 0.0, 0.0, 4.0], 2).unwrap();
        assert_eq!(b, vec![0.5, 0.25]);
        assert!(solve(vec![1.0, 1.0, 1.0, 1.0], 2).is_none());
    }

    #[test]
    fn niching_spreads_the_last_front() {
        // Eleven points on the line f1 + f2 = 1, bunched near (0, 1); keeping four
        // must take both ends and spread the rest.
        let xs = [
            0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.5, 0.75, 1.0,
        ];
        let all: Vec<Member> = xs
            .iter()
            .enumerate()
            .map(|(i, &x)| Member {
                number: i as u64,
                objectives: vec![x, 1.0 - x],
                violation: 0.0,
                params: Vec::new(),
                signature: 0,
            })
            .collect();
        let last: Vec<usize> = (0..all.len()).collect();
        let dirs = vec![1.0, 0.0, 0.75, 0.25, 0.25, 0.75, 0.0, 1.0];
        let n = Niching::new(Some((dirs, 2)), 4, 1).unwrap();
        let mut chosen = n.choose(&all, &[], &last, 4).unwrap();
        chosen.sort_unstable();
        assert_eq!(chosen.len(), 4);
        assert!(chosen.contains(&0) && chosen.contains(&10), "{chosen:?}");
        assert!(chosen.iter().filter(|&&i| i < 8).count() <= 2, "{chosen:?}");
    }

    #[test]
    fn default_directions_cover_the_population() {
        let n = Niching::new(None, 50, 0).unwrap();
        assert!(n.directions(3).unwrap().len() / 3 >= 50);
        assert!(Niching::new(Some((vec![1.0, -1.0], 2)), 4, 0).is_err());
    }
}
