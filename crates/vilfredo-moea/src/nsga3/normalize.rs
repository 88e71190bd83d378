//! Adaptive normalization of NSGA-III (Deb & Jain 2014, §IV-C): translate by the ideal
//! point, find one extreme point per axis by an achievement scalarizing function, and
//! divide by the intercepts of the hyperplane through them.
//!
//! The memory across generations and the fallbacks for a degenerate hyperplane follow
//! pymoo 0.6.2's `HyperplaneNormalization`, used as the behavioural oracle (Blank & Deb
//! 2020, "pymoo: Multi-objective optimization in Python", IEEE Access 8):
//!
//! - the ideal point and the worst point are the component-wise minimum and maximum over
//!   every feasible objective vector seen so far, not only the current population;
//! - the previous extreme points compete with the current first front, so an extreme
//!   point is never lost to a generation that happens not to reach that far;
//! - the intercepts are refused when the linear system is singular, when its solution
//!   does not reproduce the right-hand side, or when an intercept is not above `10⁻⁶`;
//!   the nadir is then the worst of the first front. Accepted intercepts are capped at
//!   the worst point seen. Any axis whose range is still at most `10⁻⁶` takes the worst
//!   value of the population.

/// What normalization remembers from one generation to the next.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NormalizationMemory {
    /// Component-wise minimum of every feasible objective vector seen.
    pub ideal: Vec<f64>,
    /// Component-wise maximum of every feasible objective vector seen.
    pub worst: Vec<f64>,
    /// The extreme point of each axis, row-major `n_obj × n_obj` (row `j` for axis `j`).
    pub extremes: Vec<f64>,
}

/// Objective values below the ideal by less than this count as on the ideal when
/// looking for extreme points, so that tiny values on the other axes do not hide a point
/// that lies on an axis.
const EXTREME_FLOOR: f64 = 1e-3;

/// Weight of the other axes in the extreme-point scalarization (the inverse of the
/// paper's `10⁻⁶` weights, which divide).
const OFF_AXIS_WEIGHT: f64 = 1e6;

/// Intercepts and ranges at or below this are degenerate.
const DEGENERATE: f64 = 1e-6;

/// Updates `memory` with the feasible objective vectors `f` (row-major, `m` columns, at
/// least one row) whose first front is `front` (row indices), and returns the nadir
/// point to normalize with.
pub(crate) fn update(
    memory: &mut Option<NormalizationMemory>,
    f: &[f64],
    m: usize,
    front: &[usize],
) -> Vec<f64> {
    let rows = || f.chunks_exact(m);
    let mut worst_pop = vec![f64::NEG_INFINITY; m];
    let mut low = vec![f64::INFINITY; m];
    for r in rows() {
        for k in 0..m {
            worst_pop[k] = worst_pop[k].max(r[k]);
            low[k] = low[k].min(r[k]);
        }
    }
    let mut worst_front = vec![f64::NEG_INFINITY; m];
    for &i in front {
        for k in 0..m {
            worst_front[k] = worst_front[k].max(f[i * m + k]);
        }
    }
    let mem = memory.get_or_insert_with(|| NormalizationMemory {
        ideal: low.clone(),
        worst: worst_pop.clone(),
        extremes: Vec::new(),
    });
    for k in 0..m {
        mem.ideal[k] = mem.ideal[k].min(low[k]);
        mem.worst[k] = mem.worst[k].max(worst_pop[k]);
    }
    // Candidates: the previous extreme points first (they win ties), then the front.
    let mut candidates = std::mem::take(&mut mem.extremes);
    for &i in front {
        candidates.extend_from_slice(&f[i * m..(i + 1) * m]);
    }
    mem.extremes = extreme_points(&candidates, m, &mem.ideal);
    nadir_point(mem, &worst_front, &worst_pop)
}

/// For each axis `j`, the candidate (row-major, `m` columns) minimizing
/// `max_i (f_i − z_i) w_ji` with `w_jj = 1` and `10⁶` elsewhere, differences below
/// [`EXTREME_FLOOR`] counting as 0; the first candidate wins ties. Returns `m × m` values.
pub(crate) fn extreme_points(candidates: &[f64], m: usize, ideal: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(m * m);
    for j in 0..m {
        let mut best = (f64::INFINITY, 0usize);
        for (i, r) in candidates.chunks_exact(m).enumerate() {
            let asf = r
                .iter()
                .zip(ideal)
                .enumerate()
                .map(|(k, (&v, &z))| {
                    let d = if v - z < EXTREME_FLOOR { 0.0 } else { v - z };
                    if k == j { d } else { d * OFF_AXIS_WEIGHT }
                })
                .fold(f64::NEG_INFINITY, f64::max);
            if asf < best.0 {
                best = (asf, i);
            }
        }
        out.extend_from_slice(&candidates[best.1 * m..(best.1 + 1) * m]);
    }
    out
}

/// The nadir point from the hyperplane through the extreme points, with the fallbacks of
/// the module documentation.
fn nadir_point(mem: &NormalizationMemory, worst_front: &[f64], worst_pop: &[f64]) -> Vec<f64> {
    let m = mem.ideal.len();
    let mut nadir = match intercepts(&mem.extremes, &mem.ideal) {
        Some(a) => (0..m)
            .map(|k| (mem.ideal[k] + a[k]).min(mem.worst[k]))
            .collect(),
        None => worst_front.to_vec(),
    };
    for k in 0..m {
        if nadir[k] - mem.ideal[k] <= DEGENERATE {
            nadir[k] = worst_pop[k];
        }
    }
    nadir
}

/// Intercepts `a` of the hyperplane through the extreme points translated by the ideal
/// point, `Σ_k (e_k − z_k) / a_k = 1`: solves `M p = 1` (`M` row `j` = extreme `j` − z)
/// and returns `1 / p`, or `None` when the plane is degenerate (see the module
/// documentation).
pub(crate) fn intercepts(extremes: &[f64], ideal: &[f64]) -> Option<Vec<f64>> {
    let m = ideal.len();
    let mat: Vec<f64> = extremes
        .chunks_exact(m)
        .flat_map(|r| r.iter().zip(ideal).map(|(&e, &z)| e - z))
        .collect();
    let plane = solve(mat.clone(), vec![1.0; m])?;
    // The solution must reproduce the right-hand side (numpy's `allclose` tolerances:
    // 10⁻⁸ absolute plus 10⁻⁵ relative), which a nearly singular system fails.
    for row in mat.chunks_exact(m) {
        let lhs: f64 = row.iter().zip(&plane).map(|(a, p)| a * p).sum();
        let close = (lhs - 1.0).abs() <= 1e-8 + 1e-5;
        if !close {
            return None;
        }
    }
    let a: Vec<f64> = plane.iter().map(|p| 1.0 / p).collect();
    a.iter().all(|&v| v > DEGENERATE).then_some(a)
}

/// Solves the square system `a x = b` (`a` row-major) by Gaussian elimination with
/// partial pivoting; `None` when a pivot is exactly zero or a value is not finite.
fn solve(mut a: Vec<f64>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot =
            (col..n).max_by(|&r, &s| a[r * n + col].abs().total_cmp(&a[s * n + col].abs()))?;
        let p = a[pivot * n + col];
        if p == 0.0 || !p.is_finite() {
            return None;
        }
        if pivot != col {
            for k in 0..n {
                a.swap(pivot * n + k, col * n + k);
            }
            b.swap(pivot, col);
        }
        for r in col + 1..n {
            let factor = a[r * n + col] / p;
            if factor != 0.0 {
                for k in col..n {
                    a[r * n + k] -= factor * a[col * n + k];
                }
                b[r] -= factor * b[col];
            }
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r * n + k] * x[k]).sum();
        x[r] = (b[r] - s) / a[r * n + r];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intercepts_of_a_simplex_are_its_vertices() {
        // Extremes on the axes at 2, 3, 4: the plane x/2 + y/3 + z/4 = 1.
        let e = [2.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 4.0];
        let a = intercepts(&e, &[0.0; 3]).unwrap();
        for (got, want) in a.iter().zip([2.0, 3.0, 4.0]) {
            assert!((got - want).abs() < 1e-12, "{a:?}");
        }
        // Translated by the ideal point, the intercepts are measured from it.
        let shifted: Vec<f64> = e
            .iter()
            .enumerate()
            .map(|(i, v)| v + [1.0, -1.0, 0.5][i % 3])
            .collect();
        let b = intercepts(&shifted, &[1.0, -1.0, 0.5]).unwrap();
        for (got, want) in b.iter().zip([2.0, 3.0, 4.0]) {
            assert!((got - want).abs() < 1e-12, "{b:?}");
        }
    }

    #[test]
    fn tilted_plane_by_hand() {
        // Extremes (1, 1, 0), (0, 2, 0)... a plane through (2,0,0),(0,2,0),(0,0,2) holds
        // (1,1,0), (0,1,1), (1,0,1) too: intercepts 2 everywhere.
        let e = [1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0];
        let a = intercepts(&e, &[0.0; 3]).unwrap();
        assert!(a.iter().all(|v| (v - 2.0).abs() < 1e-12), "{a:?}");
    }

    #[test]
    fn degenerate_planes_are_refused() {
        // Two equal extreme points: singular.
        let e = [1.0, 0.0, 1.0, 0.0];
        assert!(intercepts(&e, &[0.0; 2]).is_none());
        // A plane with a negative intercept: (1, 0) and (2, 1) give x − y = 1.
        let e = [1.0, 0.0, 2.0, 1.0];
        assert!(intercepts(&e, &[0.0; 2]).is_none());
    }

    #[test]
    fn extreme_points_by_asf() {
        // Axis 0: (1, 0.0005) has f1 − z1 under the floor, so its ASF is 1, beating
        // (0.5, 0.01) whose ASF is 0.01 × 10⁶.
        let c = [1.0, 0.0005, 0.5, 0.01, 0.0, 2.0];
        let e = extreme_points(&c, 2, &[0.0, 0.0]);
        assert_eq!(e, vec![1.0, 0.0005, 0.0, 2.0]);
    }

    #[test]
    fn fallback_to_worst_of_front_then_population() {
        // Front (0, 1), (1, 0) plus a dominated (3, 3): intercepts 1 and 1.
        let f = [0.0, 1.0, 1.0, 0.0, 3.0, 3.0];
        let mut mem = None;
        let nadir = update(&mut mem, &f, 2, &[0, 1]);
        assert_eq!(nadir, vec![1.0, 1.0]);
        let mem_now = mem.clone().unwrap();
        assert_eq!(mem_now.ideal, vec![0.0, 0.0]);
        assert_eq!(mem_now.worst, vec![3.0, 3.0]);
        assert_eq!(mem_now.extremes, vec![1.0, 0.0, 0.0, 1.0]);

        // A single point: both extremes are it, the plane is singular, the worst of the
        // front is the point itself, whose range 0 falls back to the population's worst.
        let f = [0.0, 0.0, 2.0, 5.0];
        let mut mem = None;
        let nadir = update(&mut mem, &f, 2, &[0]);
        assert_eq!(nadir, vec![2.0, 5.0]);
    }

    #[test]
    fn intercepts_are_capped_by_the_worst_point_seen() {
        // The plane through (1.5, 0) and (0, 1) cuts axis 0 at 1.5, beyond the worst value
        // 1.2 ever seen: the nadir takes 1.2.
        let mem = NormalizationMemory {
            ideal: vec![0.0, 0.0],
            worst: vec![1.2, 1.0],
            extremes: vec![1.5, 0.0, 0.0, 1.0],
        };
        assert_eq!(nadir_point(&mem, &[9.0, 9.0], &[9.0, 9.0]), vec![1.2, 1.0]);
    }

    #[test]
    fn old_extreme_points_are_kept() {
        let f = [1.0, 0.0, 0.0, 1.0];
        let mut mem = None;
        update(&mut mem, &f, 2, &[0, 1]);
        // A later front that does not reach as far keeps the old extremes and nadir.
        let nadir = update(&mut mem, &[0.5, 0.5], 2, &[0]);
        assert_eq!(mem.unwrap().extremes, vec![1.0, 0.0, 0.0, 1.0]);
        assert_eq!(nadir, vec![1.0, 1.0]);
    }
}
