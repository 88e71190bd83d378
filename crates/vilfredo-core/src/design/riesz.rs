//! Reference directions spread by minimising the Riesz s-energy.
//!
//! J. Blank, K. Deb, Y. Dhebar, S. Bandaru and H. Seada, "Generating well-spaced points on a
//! unit simplex for evolutionary many-objective optimization", IEEE TEVC 25(1), 2021.
//!
//! The s-energy of a set `X` is `E_s(X) = Σ_{i<j} ‖x_i − x_j‖^{−s}`; points that minimise it
//! repel each other and spread evenly, for any number of points (the Das–Dennis lattice only
//! exists for binomial counts). As in the paper (and pymoo), `s = 2m`.
//!
//! The optimiser is projected gradient descent, as in the paper, but with a monotone
//! step-length rule instead of Adam: the gradient of `log E_s` is projected onto the plane
//! `Σ w_i = 0` and scaled so that the point that moves most moves by the current step length;
//! each moved point is projected back onto the simplex (Euclidean projection, Duchi,
//! Shalev-Shwartz, Singer & Chandra, ICML 2008). A step is kept only when it lowers the
//! energy (the step length then grows by 20%, up to 0.05), otherwise it is discarded and the
//! step length halves. The run stops when the step length falls below `10⁻⁷` or after
//! [`MAX_ITERATIONS`] steps. The energy never increases, so the result is never worse than
//! the start. It starts from the `m` vertices of the simplex (when there are at
//! least `m` points) plus points drawn uniformly on the simplex with
//! [`SplitMix64`](crate::rng::SplitMix64), so the result is a function of the seed alone.

use super::{MAX_DIRECTIONS, das_dennis, n_das_dennis};
use crate::rng::SplitMix64;
use crate::{Error, Points, PointsView, Result};

/// The most gradient steps [`riesz_energy`] takes.
pub const MAX_ITERATIONS: usize = 1000;

/// The most points [`riesz_energy`] spreads: every step costs `O(n² m)`.
pub const MAX_RIESZ_POINTS: usize = 10_000;

/// The first step length: the largest move of any point in the first step.
const INITIAL_STEP: f64 = 0.01;
/// The longest step allowed.
const MAX_STEP: f64 = 0.05;
/// The run stops when the step length falls below this.
const MIN_STEP: f64 = 1e-7;
/// Step-length factor after a step that lowered the energy.
const GROW: f64 = 1.2;
/// Step-length factor after a step that did not.
const SHRINK: f64 = 0.5;

/// The Riesz s-energy `E_s(X) = Σ_{i<j} ‖x_i − x_j‖^{−s}` of a point set.
///
/// It is `+∞` when two points coincide and `0` for fewer than two points.
///
/// # Errors
/// [`Error::InvalidArgument`] when `s` is not finite and positive.
pub fn s_energy(points: PointsView<'_>, s: f64) -> Result<f64> {
    if !(s.is_finite() && s > 0.0) {
        return Err(Error::InvalidArgument {
            name: "s",
            reason: format!("must be a finite number larger than 0, got {s}"),
        });
    }
    let mut e = 0.0;
    let n = points.n_points();
    for i in 0..n {
        let a = points.row(i);
        for j in (i + 1)..n {
            e += sq_dist(a, points.row(j)).powf(-s / 2.0);
        }
    }
    Ok(e)
}

#[inline]
fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// `n_points` reference directions in `n_obj` objectives spread by minimising the Riesz
/// s-energy with `s = 2·n_obj` (Blank, Deb, Dhebar, Bandaru & Seada, IEEE TEVC 2021); see the
/// module documentation for the optimiser.
///
/// Every row is on the unit simplex (non-negative, summing to 1 up to rounding), the rows are
/// in ascending lexicographic order, and the same `(n_obj, n_points, seed)` always gives the
/// same output, bit for bit. `n_points == 0` gives an empty set and `n_points == 1` the
/// centroid.
///
/// # Errors
/// [`Error::ZeroObjectives`] when `n_obj == 0`; [`Error::InvalidArgument`] when
/// `n_points > MAX_RIESZ_POINTS`, or when `n_obj == 1` and `n_points > 1` (the one-objective
/// simplex is a single point).
pub fn riesz_energy(n_obj: usize, n_points: usize, seed: u64) -> Result<Points> {
    if n_obj == 0 {
        return Err(Error::ZeroObjectives {
            what: "reference directions",
        });
    }
    let m = n_obj;
    if n_points > MAX_RIESZ_POINTS || n_points > MAX_DIRECTIONS {
        return Err(Error::InvalidArgument {
            name: "n_points",
            reason: format!(
                "{n_points} directions is more than the limit of {MAX_RIESZ_POINTS} for Riesz energy"
            ),
        });
    }
    if n_points <= 1 {
        return Points::from_vec(vec![1.0 / m as f64; n_points * m], m);
    }
    if m == 1 {
        return Err(Error::InvalidArgument {
            name: "n_points",
            reason: format!(
                "with one objective there is a single direction, but {n_points} were asked for"
            ),
        });
    }
    let s = 2.0 * m as f64;
    let mut x = initial_points(m, n_points, seed)?;
    let mut grad = vec![0.0; x.len()];
    let mut trial = vec![0.0; x.len()];
    let mut trial_grad = vec![0.0; x.len()];
    let mut energy = energy_and_gradient(&x, m, s, Some(&mut grad));
    let mut max_norm = descent_direction(&mut grad, m);
    let mut step = INITIAL_STEP;
    for _ in 0..MAX_ITERATIONS {
        if step < MIN_STEP {
            break;
        }
        let scale = step / max_norm;
        for ((t, &xi), &g) in trial.iter_mut().zip(&x).zip(&grad) {
            *t = xi - scale * g;
        }
        for row in trial.chunks_exact_mut(m) {
            project_onto_simplex(row);
        }
        let e = energy_and_gradient(&trial, m, s, Some(&mut trial_grad));
        if e < energy {
            std::mem::swap(&mut x, &mut trial);
            std::mem::swap(&mut grad, &mut trial_grad);
            energy = e;
            max_norm = descent_direction(&mut grad, m);
            step = (step * GROW).min(MAX_STEP);
        } else {
            step *= SHRINK;
        }
    }
    sort_rows(&mut x, m);
    Points::from_vec(x, m)
}

/// A well-spread start, in the spirit of the paper's start from a reduced lattice: the
/// smallest Das–Dennis lattice with at least `n` points, shuffled with the seed, thinned by
/// farthest-first traversal (Gonzalez 1985) starting from the `m` vertices (when `n ≥ m`).
/// When `n` is a Das–Dennis count the start is that lattice. A spread start matters: the
/// energy has many local minima, and descent from a clumped random start stops in a poor one.
fn initial_points(m: usize, n: usize, seed: u64) -> Result<Vec<f64>> {
    let mut p = 1;
    while n_das_dennis(m, p).is_some_and(|c| c < n) {
        p += 1;
    }
    let lattice = das_dennis(m, p)?;
    let mut order: Vec<usize> = (0..lattice.n_points()).collect();
    let mut rng = SplitMix64::new(seed);
    for i in (1..order.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    let pool: Vec<&[f64]> = order.iter().map(|&i| lattice.row(i)).collect();
    let mut x = Vec::with_capacity(n * m);
    // Squared distance from each pool point to the nearest chosen point.
    let mut nearest = vec![f64::INFINITY; pool.len()];
    let is_vertex = |r: &[f64]| r.contains(&1.0);
    let mut chosen = 0;
    let mut next = if n >= m {
        pool.iter().position(|r| is_vertex(r))
    } else {
        Some(0)
    };
    while chosen < n {
        let Some(k) = next else { break };
        let c = pool[k];
        x.extend_from_slice(c);
        chosen += 1;
        for (d, q) in nearest.iter_mut().zip(&pool) {
            *d = d.min(sq_dist(q, c));
        }
        // The remaining vertices first (their distance is not 0), then the farthest point.
        next = if chosen < m && n >= m {
            pool.iter()
                .enumerate()
                .position(|(i, r)| is_vertex(r) && nearest[i] > 0.0)
        } else {
            let mut best = None;
            let mut far = 0.0;
            for (i, &d) in nearest.iter().enumerate() {
                if d > far {
                    far = d;
                    best = Some(i);
                }
            }
            best
        };
    }
    debug_assert_eq!(x.len(), n * m);
    Ok(x)
}

/// `log E_s(X)`, and (when asked) the gradient of `log E_s` with respect to every coordinate.
///
/// Distances are floored so that `d^{−(s+2)}` cannot overflow; coinciding points then repel
/// each other with a large finite force instead of producing NaN.
fn energy_and_gradient(x: &[f64], m: usize, s: f64, mut grad: Option<&mut Vec<f64>>) -> f64 {
    let n = x.len() / m;
    let floor_sq = 10f64.powf(-300.0 / (s + 2.0)).powi(2);
    if let Some(g) = grad.as_deref_mut() {
        g.iter_mut().for_each(|v| *v = 0.0);
    }
    let mut e = 0.0;
    for i in 0..n {
        let a = &x[i * m..(i + 1) * m];
        for j in (i + 1)..n {
            let b = &x[j * m..(j + 1) * m];
            let d2 = sq_dist(a, b).max(floor_sq);
            let inv = d2.powf(-s / 2.0);
            e += inv;
            if let Some(g) = grad.as_deref_mut() {
                // ∂/∂a ‖a − b‖^{−s} = −s (a − b) ‖a − b‖^{−s−2}.
                let c = -s * inv / d2;
                for k in 0..m {
                    let t = c * (a[k] - b[k]);
                    g[i * m + k] += t;
                    g[j * m + k] -= t;
                }
            }
        }
    }
    if let Some(g) = grad {
        // ∇ log E = ∇E / E: scale-free, so far-apart and crowded sets step alike.
        g.iter_mut().for_each(|v| *v /= e);
    }
    e.ln()
}

/// Projects each point's gradient onto the plane `Σ w_i = 0` (moving along it keeps the sum
/// at 1) and returns the largest resulting row norm (at least a tiny positive number), by
/// which the caller divides so the step length is the largest move of any point.
fn descent_direction(grad: &mut [f64], m: usize) -> f64 {
    let mut max_norm = 0.0_f64;
    for row in grad.chunks_exact_mut(m) {
        let mean = row.iter().sum::<f64>() / m as f64;
        row.iter_mut().for_each(|v| *v -= mean);
        max_norm = max_norm.max(row.iter().map(|v| v * v).sum::<f64>().sqrt());
    }
    max_norm.max(1e-300)
}

/// Euclidean projection of `v` onto the unit simplex (Duchi et al. 2008), then a
/// renormalisation so the coordinates sum to 1 up to one rounding.
fn project_onto_simplex(v: &mut [f64]) {
    let mut u: Vec<f64> = v.to_vec();
    u.sort_by(|a, b| b.total_cmp(a));
    let mut cumsum = 0.0;
    let mut tau = 0.0;
    for (j, &uj) in u.iter().enumerate() {
        cumsum += uj;
        let t = (cumsum - 1.0) / (j + 1) as f64;
        if uj - t > 0.0 {
            tau = t;
        }
    }
    v.iter_mut().for_each(|x| *x = (*x - tau).max(0.0));
    let sum: f64 = v.iter().sum();
    if sum > 0.0 {
        v.iter_mut().for_each(|x| *x /= sum);
    }
}

/// Sorts the rows of a row-major buffer in ascending lexicographic order.
fn sort_rows(x: &mut Vec<f64>, m: usize) {
    let mut rows: Vec<&[f64]> = x.chunks_exact(m).collect();
    rows.sort_by(|a, b| {
        a.iter()
            .zip(b.iter())
            .map(|(p, q)| p.total_cmp(q))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let sorted: Vec<f64> = rows.concat();
    *x = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::das_dennis;

    fn on_simplex(p: &Points) {
        for row in p.view().rows() {
            assert!(row.iter().all(|&v| v >= 0.0), "{row:?}");
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{row:?}");
        }
    }

    #[test]
    fn right_count_on_the_simplex_and_deterministic() {
        for (m, n) in [(2, 7), (3, 20), (4, 3), (5, 30)] {
            let a = riesz_energy(m, n, 42).unwrap();
            assert_eq!(a.n_points(), n);
            assert_eq!(a.n_obj(), m);
            on_simplex(&a);
            assert_eq!(a, riesz_energy(m, n, 42).unwrap());
        }
        assert_ne!(
            riesz_energy(3, 20, 1).unwrap(),
            riesz_energy(3, 20, 2).unwrap()
        );
    }

    /// `n` points uniform on the simplex (normalised exponential variates).
    fn uniform_on_simplex(m: usize, n: usize, seed: u64) -> Points {
        let mut rng = crate::rng::SplitMix64::new(seed);
        let mut data = Vec::new();
        for _ in 0..n {
            let row: Vec<f64> = (0..m).map(|_| -(1.0 - rng.next_f64()).ln()).collect();
            let sum: f64 = row.iter().sum();
            data.extend(row.iter().map(|v| v / sum));
        }
        Points::from_vec(data, m).unwrap()
    }

    #[test]
    fn lowers_the_energy_of_its_start_and_of_random_points() {
        for (m, n, seed) in [(3, 15, 1), (3, 20, 7), (4, 35, 3), (5, 40, 11), (2, 9, 4)] {
            let s = 2.0 * m as f64;
            let out = riesz_energy(m, n, seed).unwrap();
            let e_out = s_energy(out.view(), s).unwrap();
            let start = Points::from_vec(initial_points(m, n, seed).unwrap(), m).unwrap();
            let e_start = s_energy(start.view(), s).unwrap();
            assert!(e_out < e_start, "m={m} n={n}: {e_out} !< start {e_start}");
            let e_rand = s_energy(uniform_on_simplex(m, n, seed).view(), s).unwrap();
            assert!(e_out < e_rand, "m={m} n={n}: {e_out} !< random {e_rand}");
        }
    }

    #[test]
    fn improves_on_das_dennis_for_lattice_sizes() {
        // At a Das–Dennis count the start is the lattice, and descent never raises the energy.
        for (m, p) in [(3, 4), (3, 6), (4, 4), (5, 3)] {
            let n = super::super::n_das_dennis(m, p).unwrap();
            let s = 2.0 * m as f64;
            let e_out = s_energy(riesz_energy(m, n, 0).unwrap().view(), s).unwrap();
            let e_dd = s_energy(das_dennis(m, p).unwrap().view(), s).unwrap();
            assert!(e_out <= e_dd, "m={m} p={p}: {e_out} > Das–Dennis {e_dd}");
        }
    }

    #[test]
    fn two_points_go_to_the_vertices() {
        // Fewer points than objectives: no vertex is forced, yet the pair spreads apart.
        let out = riesz_energy(3, 2, 9).unwrap();
        let d2 = sq_dist(out.row(0), out.row(1));
        assert!(d2 > 1.0, "{d2}");
    }

    #[test]
    fn edge_cases_and_errors() {
        assert_eq!(riesz_energy(3, 0, 0).unwrap().n_points(), 0);
        let c = riesz_energy(4, 1, 0).unwrap();
        assert_eq!(c.as_slice(), &[0.25; 4]);
        assert_eq!(riesz_energy(1, 1, 0).unwrap().as_slice(), &[1.0]);
        assert!(riesz_energy(1, 2, 0).is_err());
        assert!(riesz_energy(0, 2, 0).is_err());
        assert!(riesz_energy(3, MAX_RIESZ_POINTS + 1, 0).is_err());
        let two = riesz_energy(2, 2, 5).unwrap();
        assert_eq!(two.as_slice(), &[0.0, 1.0, 1.0, 0.0]);
        assert!(s_energy(two.view(), 0.0).is_err());
        assert_eq!(s_energy(two.view(), 2.0).unwrap(), 0.5);
    }

    #[test]
    fn projection_lands_on_the_simplex() {
        let mut v = [0.7, -0.2, 0.9];
        project_onto_simplex(&mut v);
        assert!(v.iter().all(|&x| x >= 0.0));
        assert!((v.iter().sum::<f64>() - 1.0).abs() < 1e-15);
        // (0.7, −0.2, 0.9) − τ with τ = 0.3 on the two positive coordinates.
        assert!((v[0] - 0.4).abs() < 1e-15 && v[1] == 0.0 && (v[2] - 0.6).abs() < 1e-15);
        let mut inside = [0.2, 0.3, 0.5];
        project_onto_simplex(&mut inside);
        assert_eq!(inside, [0.2, 0.3, 0.5]);
    }
}
