//! The preference distance of R-NSGA-II (Deb & Sundar 2006, §3) with ε-clearing, in the
//! form of pymoo's `RNSGA2`, which serves as the oracle where the paper leaves details
//! open (the normalisation and how "a large preference distance" is chosen).

use super::Normalization;
use crate::nsga2::population::{Fronts, Population};

/// The normalisation bounds carried from one survival to the next.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bounds {
    pub ideal: Vec<f64>,
    pub nadir: Vec<f64>,
}

impl Bounds {
    /// No bounds yet: the first update sets them.
    pub fn unset(m: usize) -> Self {
        Self {
            ideal: vec![f64::INFINITY; m],
            nadir: vec![f64::NEG_INFINITY; m],
        }
    }

    /// Updates the bounds from `pop` ranked by `rank`, as `how` says: `Front` takes the
    /// ideal and nadir of the first front when it has at least two members (and keeps
    /// the previous bounds otherwise), `Ever` widens them with every member, `Unit`
    /// leaves the objectives as they are. Failed evaluations are ignored.
    pub fn update(&mut self, pop: &Population, rank: &[usize], how: Normalization) {
        let m = pop.n_obj;
        let ok = |i: usize| !pop.failed[i];
        match how {
            Normalization::Unit => {
                self.ideal = vec![0.0; m];
                self.nadir = vec![1.0; m];
            }
            Normalization::Ever => {
                for i in (0..pop.len()).filter(|&i| ok(i)) {
                    for j in 0..m {
                        let v = pop.f[i * m + j];
                        self.ideal[j] = self.ideal[j].min(v);
                        self.nadir[j] = self.nadir[j].max(v);
                    }
                }
            }
            Normalization::Front => {
                let first: Vec<usize> = (0..pop.len()).filter(|&i| rank[i] == 0 && ok(i)).collect();
                if first.len() > 1 {
                    self.ideal = vec![f64::INFINITY; m];
                    self.nadir = vec![f64::NEG_INFINITY; m];
                    for &i in &first {
                        for j in 0..m {
                            let v = pop.f[i * m + j];
                            self.ideal[j] = self.ideal[j].min(v);
                            self.nadir[j] = self.nadir[j].max(v);
                        }
                    }
                }
            }
        }
    }

    /// The range of each objective used to normalise: `nadir − ideal`, or 1 where that
    /// is not a finite positive number (bounds not set yet, or a flat objective).
    pub fn ranges(&self) -> Vec<f64> {
        self.ideal
            .iter()
            .zip(&self.nadir)
            .map(|(lo, hi)| {
                let r = hi - lo;
                if r.is_finite() && r > 0.0 { r } else { 1.0 }
            })
            .collect()
    }
}

/// The weighted normalised distance between `a` and `b`:
/// `√(m Σⱼ wⱼ ((aⱼ − bⱼ) / rangeⱼ)²)`, which is the plain normalised Euclidean distance
/// for the default weights `1/m`.
pub(crate) fn distance(a: &[f64], b: &[f64], weights: &[f64], range: &[f64]) -> f64 {
    let s: f64 = a
        .iter()
        .zip(b)
        .zip(weights.iter().zip(range))
        .map(|((x, y), (w, r))| {
            let d = (x - y) / r;
            w * d * d
        })
        .sum();
    (s * weights.len() as f64).sqrt()
}

/// The settings survival needs.
pub(crate) struct Preference<'a> {
    /// Reference points, row-major.
    pub points: &'a [f64],
    pub weights: &'a [f64],
    pub epsilon: f64,
}

/// The survivors of `merged` (ranked by `rank`), `n_survive` of them in increasing
/// index order, with the preference distance of each (smaller is better).
///
/// Within each front a member's preference distance is its best rank (0-based) by
/// distance to any reference point. Fronts that fit whole keep it. In the front that
/// must be split, members are visited by increasing preference distance (ties by
/// index); each visited member keeps its value and every member not yet visited within
/// `epsilon` of it gets its own value plus half the front size (rounded half to even,
/// as numpy), and is not visited; the `n` smallest values then survive (ties by index).
pub(crate) fn survivors(
    merged: &Population,
    rank: &[usize],
    n_survive: usize,
    pref: &Preference<'_>,
    range: &[f64],
) -> (Vec<usize>, Vec<f64>) {
    let m = merged.n_obj;
    let row = |i: usize| &merged.f[i * m..(i + 1) * m];
    let n_ref = pref.points.len() / m;
    let mut chosen: Vec<(usize, f64)> = Vec::with_capacity(n_survive);
    for front in Fronts::of(rank).iter() {
        let room = n_survive - chosen.len();
        if room == 0 {
            break;
        }
        let best = best_ranks(front, n_ref, |i, r| {
            distance(
                row(i),
                &pref.points[r * m..(r + 1) * m],
                pref.weights,
                range,
            )
        });
        if front.len() <= room {
            chosen.extend(front.iter().zip(&best).map(|(&i, &b)| (i, b as f64)));
            continue;
        }
        let cleared = clear(front, &best, pref.epsilon, |a, b| {
            distance(row(a), row(b), pref.weights, range)
        });
        let mut order: Vec<usize> = (0..front.len()).collect();
        order.sort_by(|&a, &b| cleared[a].total_cmp(&cleared[b]).then(a.cmp(&b)));
        chosen.extend(order[..room].iter().map(|&k| (front[k], cleared[k])));
    }
    chosen.sort_unstable_by_key(|c| c.0);
    chosen.into_iter().unzip()
}

/// For each member of `front`, its smallest 0-based rank by `dist(member, r)` over the
/// reference points `r` (ranks by increasing distance, ties by position in the front).
fn best_ranks(front: &[usize], n_ref: usize, dist: impl Fn(usize, usize) -> f64) -> Vec<usize> {
    let mut best = vec![usize::MAX; front.len()];
    let mut d = vec![0.0; front.len()];
    let mut order: Vec<usize> = Vec::with_capacity(front.len());
    for r in 0..n_ref {
        for (k, &i) in front.iter().enumerate() {
            d[k] = dist(i, r);
        }
        order.clear();
        order.extend(0..front.len());
        order.sort_by(|&a, &b| d[a].total_cmp(&d[b]).then(a.cmp(&b)));
        for (pos, &k) in order.iter().enumerate() {
            best[k] = best[k].min(pos);
        }
    }
    best
}

/// ε-clearing of a front whose best ranks are `best` (see [`survivors`]).
fn clear(
    front: &[usize],
    best: &[usize],
    epsilon: f64,
    dist: impl Fn(usize, usize) -> f64,
) -> Vec<f64> {
    let n = front.len();
    let penalty = (n as f64 / 2.0).round_ties_even();
    let mut value = vec![0.0; n];
    let mut waiting: Vec<usize> = (0..n).collect();
    waiting.sort_by_key(|&k| (best[k], k));
    let mut visited = vec![false; n];
    for pos in 0..n {
        let k = waiting[pos];
        if visited[k] {
            continue;
        }
        visited[k] = true;
        value[k] = best[k] as f64;
        for &other in &waiting[pos + 1..] {
            if !visited[other] && dist(front[k], front[other]) < epsilon {
                visited[other] = true;
                value[other] = best[other] as f64 + penalty;
            }
        }
    }
    value
}
