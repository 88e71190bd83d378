//! WFG1–WFG9: the toolkit problems of Huband, Hingston, Barone & While, "A Review of
//! Multiobjective Test Problems and a Scalable Test Problem Toolkit", IEEE Transactions on
//! Evolutionary Computation 10(5):477–506, 2006 (Table XIV).
//!
//! `n_var = k + l` variables, `zᵢ ∈ [0, 2i]` (1-based `i`): the first `k` are *position*
//! variables (`k` a multiple of `M − 1`), the last `l` *distance* variables. Each problem
//! normalises `yᵢ = zᵢ / 2i`, applies its chain of transformations down to `M` values `t`,
//! degenerates them with `A` into `x`, and returns `f_m = x_M + S_m·h_m(x₁…x_{M−1})`
//! with `S_m = 2m`.
//!
//! The paper is followed throughout, including WFG8 (pygmo's WFG8 departs from it; pymoo
//! 0.6.2, used for the fixtures, follows it). Defaults: `M = 3`, `k = 4` for two objectives
//! and `2(M − 1)` otherwise (pymoo's default), `l = 20` (the paper's experiments).

mod transform;

use crate::benchmark::Benchmark;
use crate::check::{batch_rows, domain, finite_objectives};
use crate::front::{grid_front, sphere, total};
use transform::{
    Shape, b_flat, b_param_std, b_poly, disconnected, mixed, r_mean, r_nonsep, r_sum, s_decept,
    s_linear, s_multi, shape,
};
use vilfredo_core::{Error, Points, Problem, Result};

/// Which WFG function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WfgKind {
    /// Flat bias, polynomial bias; convex and mixed front.
    Wfg1,
    /// Non-separable; convex and disconnected front (`l` even).
    Wfg2,
    /// Non-separable; linear, degenerate front (`l` even).
    Wfg3,
    /// Multi-modal; concave front.
    Wfg4,
    /// Deceptive; concave front.
    Wfg5,
    /// Non-separable; concave front.
    Wfg6,
    /// Parameter-dependent position; concave front.
    Wfg7,
    /// Parameter-dependent distance; concave front.
    Wfg8,
    /// Parameter-dependent, deceptive, multi-modal, non-separable; concave front.
    Wfg9,
}

impl WfgKind {
    fn name(self) -> &'static str {
        match self {
            Self::Wfg1 => "wfg1",
            Self::Wfg2 => "wfg2",
            Self::Wfg3 => "wfg3",
            Self::Wfg4 => "wfg4",
            Self::Wfg5 => "wfg5",
            Self::Wfg6 => "wfg6",
            Self::Wfg7 => "wfg7",
            Self::Wfg8 => "wfg8",
            Self::Wfg9 => "wfg9",
        }
    }

    /// The default position parameter for `n_obj` objectives: 4 for two, `2(M − 1)` above.
    pub fn default_k(n_obj: usize) -> usize {
        if n_obj == 2 {
            4
        } else {
            2 * n_obj.saturating_sub(1)
        }
    }
}

/// The default number of distance variables.
pub(crate) const DEFAULT_L: usize = 20;

/// A WFG problem with `M ≥ 2` objectives, `k` position and `l` distance variables.
#[derive(Debug, Clone)]
pub struct Wfg {
    kind: WfgKind,
    n_obj: usize,
    k: usize,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Wfg {
    /// Builds `kind` with `n_obj` objectives, `k` position and `l` distance variables.
    ///
    /// # Errors
    /// When `n_obj < 2`, `k` is not a positive multiple of `n_obj − 1`, `l < 1`, or (WFG2,
    /// WFG3) `l` is odd, or a size exceeds 1 000 000.
    pub fn new(kind: WfgKind, n_obj: usize, k: usize, l: usize) -> Result<Self> {
        let name = kind.name();
        crate::check::size("n_obj", n_obj)?;
        crate::check::size("k", k)?;
        crate::check::size("l", l)?;
        crate::check::size("n_var", k + l)?;
        if n_obj < 2 {
            return Err(Error::InvalidArgument {
                name: "n_obj",
                reason: format!("{name} needs n_obj ≥ 2, got {n_obj}"),
            });
        }
        if k == 0 || !k.is_multiple_of(n_obj - 1) {
            return Err(Error::InvalidArgument {
                name: "k",
                reason: format!(
                    "{name} needs the position parameter k to be a positive multiple of n_obj − 1 = {}, got k = {k}",
                    n_obj - 1
                ),
            });
        }
        if l == 0 {
            return Err(Error::InvalidArgument {
                name: "l",
                reason: format!("{name} needs at least one distance variable (l = n_var − k ≥ 1)"),
            });
        }
        if matches!(kind, WfgKind::Wfg2 | WfgKind::Wfg3) && !l.is_multiple_of(2) {
            return Err(Error::InvalidArgument {
                name: "l",
                reason: format!(
                    "{name} needs an even number of distance variables l = n_var − k, got l = {l}"
                ),
            });
        }
        let n_var = k + l;
        Ok(Self {
            kind,
            n_obj,
            k,
            lower: vec![0.0; n_var],
            upper: (1..=n_var).map(|i| 2.0 * i as f64).collect(),
        })
    }

    /// Which WFG function this is.
    pub fn kind(&self) -> WfgKind {
        self.kind
    }

    /// The number of position variables.
    pub fn k(&self) -> usize {
        self.k
    }

    /// The number of distance variables.
    pub fn l(&self) -> usize {
        self.lower.len() - self.k
    }

    /// One row. `y` (length `n_var`) and `aux` (length `n_var`) are scratch; `t` has
    /// length `M`.
    fn row(&self, z: &[f64], f: &mut [f64], y: &mut [f64], aux: &mut [f64], t: &mut [f64]) {
        let n = z.len();
        let k = self.k;
        let m = self.n_obj;
        let gap = k / (m - 1);
        for ((yi, zi), ui) in y.iter_mut().zip(z).zip(&self.upper) {
            *yi = zi / ui;
        }
        // Transformations, then reduction to t (length M).
        match self.kind {
            WfgKind::Wfg1 => {
                for v in &mut y[k..] {
                    *v = b_flat(s_linear(*v, 0.35), 0.8, 0.75, 0.85);
                }
                for v in y.iter_mut() {
                    *v = b_poly(*v, 0.02);
                }
                // Weights 2i (1-based), kept in `aux`.
                for (i, w) in aux.iter_mut().enumerate() {
                    *w = 2.0 * (i + 1) as f64;
                }
                for (j, tj) in t[..m - 1].iter_mut().enumerate() {
                    let r = j * gap..(j + 1) * gap;
                    *tj = r_sum(&y[r.clone()], &aux[r]);
                }
                t[m - 1] = r_sum(&y[k..], &aux[k..n]);
            }
            WfgKind::Wfg2 | WfgKind::Wfg3 => {
                for v in &mut y[k..] {
                    *v = s_linear(*v, 0.35);
                }
                // Pairs of distance variables reduce to one each, written in place.
                let half = (n - k) / 2;
                for i in 0..half {
                    let head = k + 2 * i;
                    y[k + i] = r_nonsep(&y[head..head + 2], 2);
                }
                for (j, tj) in t[..m - 1].iter_mut().enumerate() {
                    *tj = r_mean(&y[j * gap..(j + 1) * gap]);
                }
                t[m - 1] = r_mean(&y[k..k + half]);
            }
            WfgKind::Wfg4 | WfgKind::Wfg5 => {
                for v in y.iter_mut() {
                    *v = if self.kind == WfgKind::Wfg4 {
                        s_multi(*v, 30.0, 10.0, 0.35)
                    } else {
                        s_decept(*v, 0.35, 0.001, 0.05)
                    };
                }
                mean_groups(y, k, gap, t);
            }
            WfgKind::Wfg6 => {
                for v in &mut y[k..] {
                    *v = s_linear(*v, 0.35);
                }
                for (j, tj) in t[..m - 1].iter_mut().enumerate() {
                    *tj = r_nonsep(&y[j * gap..(j + 1) * gap], gap);
                }
                t[m - 1] = r_nonsep(&y[k..], n - k);
            }
            WfgKind::Wfg7 => {
                // Position yᵢ biased by the mean of every later (untransformed) y.
                suffix_means(y, aux);
                for i in 0..k {
                    y[i] = b_param_std(y[i], aux[i]);
                }
                for v in &mut y[k..] {
                    *v = s_linear(*v, 0.35);
                }
                mean_groups(y, k, gap, t);
            }
            WfgKind::Wfg8 => {
                // Distance yᵢ biased by the mean of every earlier (untransformed) y.
                let mut sum = 0.0;
                for (i, a) in aux.iter_mut().enumerate() {
                    *a = if i == 0 { 0.0 } else { sum / i as f64 };
                    sum += y[i];
                }
                for i in k..n {
                    y[i] = s_linear(b_param_std(y[i], clip_mean(aux[i])), 0.35);
                }
                mean_groups(y, k, gap, t);
            }
            WfgKind::Wfg9 => {
                suffix_means(y, aux);
                for i in 0..n - 1 {
                    y[i] = b_param_std(y[i], aux[i]);
                }
                for (i, v) in y.iter_mut().enumerate() {
                    *v = if i < k {
                        s_decept(*v, 0.35, 0.001, 0.05)
                    } else {
                        s_multi(*v, 30.0, 95.0, 0.35)
                    };
                }
                for (j, tj) in t[..m - 1].iter_mut().enumerate() {
                    *tj = r_nonsep(&y[j * gap..(j + 1) * gap], gap);
                }
                t[m - 1] = r_nonsep(&y[k..], n - k);
            }
        }
        // Degeneracy constants A: all 1 except WFG3's (1, 0, …, 0). Then x in place of t.
        let t_last = t[m - 1];
        for (j, tj) in t[..m - 1].iter_mut().enumerate() {
            let a = if self.kind == WfgKind::Wfg3 && j > 0 {
                0.0
            } else {
                1.0
            };
            *tj = t_last.max(a) * (*tj - 0.5) + 0.5;
        }
        let kind = match self.kind {
            WfgKind::Wfg1 | WfgKind::Wfg2 => Shape::Convex,
            WfgKind::Wfg3 => Shape::Linear,
            _ => Shape::Concave,
        };
        shape(kind, &t[..m - 1], f);
        match self.kind {
            WfgKind::Wfg1 => f[m - 1] = mixed(t[0]),
            WfgKind::Wfg2 => f[m - 1] = disconnected(t[0]),
            _ => {}
        }
        for (i, fi) in f.iter_mut().enumerate() {
            *fi = t_last + 2.0 * (i + 1) as f64 * *fi;
        }
    }
}

/// `aux[i]` = mean of `y[i+1..]` (0 for the last index), summed from the end so every
/// mean is as accurate as a direct sum.
fn suffix_means(y: &[f64], aux: &mut [f64]) {
    let n = y.len();
    let mut sum = 0.0;
    for i in (0..n).rev() {
        let count = n - 1 - i;
        aux[i] = if count == 0 {
            0.0
        } else {
            clip_mean(sum / count as f64)
        };
        sum += y[i];
    }
}

/// The `r_sum` reduction's correction applied to a precomputed mean.
#[inline]
fn clip_mean(v: f64) -> f64 {
    transform::clip01(v)
}

/// `t_j` = mean of position group `j`, `t_M` = mean of the distance variables.
fn mean_groups(y: &[f64], k: usize, gap: usize, t: &mut [f64]) {
    let m = t.len();
    for (j, tj) in t[..m - 1].iter_mut().enumerate() {
        *tj = r_mean(&y[j * gap..(j + 1) * gap]);
    }
    t[m - 1] = r_mean(&y[k..]);
}

impl Problem for Wfg {
    fn name(&self) -> &str {
        self.kind.name()
    }
    fn n_var(&self) -> usize {
        self.lower.len()
    }
    fn n_obj(&self) -> usize {
        self.n_obj
    }
    fn lower(&self) -> &[f64] {
        &self.lower
    }
    fn upper(&self) -> &[f64] {
        &self.upper
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        batch_rows(self, x, f, g)?;
        domain(self, x)?;
        let n_var = self.n_var();
        let m = self.n_obj;
        // Scratch for the whole batch: nothing is allocated per row.
        let mut scratch = vec![0.0; 2 * n_var + m];
        let (y, rest) = scratch.split_at_mut(n_var);
        let (aux, t) = rest.split_at_mut(n_var);
        for (xr, fr) in x.chunks_exact(n_var).zip(f.chunks_exact_mut(m)) {
            self.row(xr, fr, y, aux, t);
        }
        finite_objectives(self.name(), f, m)
    }
}

impl Benchmark for Wfg {
    fn description(&self) -> &str {
        match self.kind {
            WfgKind::Wfg1 => "WFG1: M objectives, flat/polynomial bias, convex-mixed front",
            WfgKind::Wfg2 => "WFG2: M objectives, non-separable, convex disconnected front",
            WfgKind::Wfg3 => "WFG3: M objectives, non-separable, linear degenerate front",
            WfgKind::Wfg4 => "WFG4: M objectives, multi-modal, concave front",
            WfgKind::Wfg5 => "WFG5: M objectives, deceptive, concave front",
            WfgKind::Wfg6 => "WFG6: M objectives, non-separable, concave front",
            WfgKind::Wfg7 => "WFG7: M objectives, parameter-dependent position, concave front",
            WfgKind::Wfg8 => "WFG8: M objectives, parameter-dependent distance, concave front",
            WfgKind::Wfg9 => {
                "WFG9: M objectives, deceptive, multi-modal, non-separable, concave front"
            }
        }
    }

    /// WFG4–WFG9: the Das–Dennis lattice projected onto the ellipsoid
    /// `Σ (f_m / 2m)² = 1` (largest lattice with at most `n` points). WFG1 and WFG2: the
    /// shape functions on an even grid of `x₁…x_{M−1}` in [0, 1] with `x_M = 0`,
    /// filtered to the non-dominated points, the grid enlarged until about `n` (at least
    /// 0.9·n) survive (WFG2's front is disconnected). WFG3: the line `(2x, 4(1 − x))` for two objectives; for more, the
    /// front is not the degenerate line the paper describes (points with `t_M > 0` are
    /// non-dominated with respect to it, as random sampling shows), so no front is given.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        total(n, self.n_obj)?;
        let m = self.n_obj;
        match self.kind {
            WfgKind::Wfg3 if m > 2 => Err(Error::InvalidArgument {
                name: "problem",
                reason: format!(
                    "the true Pareto front of wfg3 with {m} objectives is not known: it is not the degenerate line of the paper"
                ),
            }),
            WfgKind::Wfg1 | WfgKind::Wfg2 | WfgKind::Wfg3 => {
                grid_front(m - 1, m, n, |x, f| self.front_point(x, f))
            }
            _ => {
                let s: Vec<f64> = (1..=m).map(|i| 2.0 * i as f64).collect();
                sphere(m, n, &s)
            }
        }
    }

    /// `n` Pareto-optimal decision vectors: position variables drawn uniformly (seeded,
    /// reproducible) and distance variables at their optimum — `zᵢ = 0.7i` (i.e.
    /// `yᵢ = 0.35`) for WFG1–WFG7, and for WFG8 and WFG9 the values whose parameter-
    /// dependent bias maps them to 0.35. For WFG2 (disconnected front) some of these
    /// vectors map onto dominated parts of the `x_M = 0` surface, so it is not provided;
    /// nor for WFG3 beyond two objectives (see `pareto_front`).
    ///
    /// WFG1 in floating point: where `0.7i / 2i` does not round back to exactly 0.35
    /// (i = 3, 6, 12, 24, …, and no neighbouring `z` does either), `s_linear` leaves a
    /// residue near 1e-16 that the polynomial bias `y^0.02` turns into about 0.48, so the
    /// image lies off the front by up to ~0.1 in every objective. pymoo 0.6.2 shares this
    /// (its sampled WFG1 front with `n_var = 12` is offset by 0.127); the front returned
    /// here is the paper's, `x_M = 0`.
    fn pareto_set(&self, n: usize) -> Result<Points> {
        total(n, self.n_var())?;
        if self.kind == WfgKind::Wfg2 || (self.kind == WfgKind::Wfg3 && self.n_obj > 2) {
            return Err(crate::benchmark::not_known(self.name(), "Pareto set"));
        }
        let (k, n_var) = (self.k, self.n_var());
        let pos = vilfredo_core::rng::uniform_points(n, k, 0x5746_4753_4554);
        let mut data = vec![0.0; n * n_var];
        for (row, p) in data.chunks_exact_mut(n_var).zip(pos.chunks_exact(k)) {
            row[..k].copy_from_slice(p);
            match self.kind {
                WfgKind::Wfg8 => {
                    // y_i^{0.02 + 49.98·(A − (1 − 2u)|⌊0.5 − u⌋ + A|)} = 0.35, u = mean(y_<i).
                    let a = 0.98 / 49.98;
                    for i in k..n_var {
                        let u = row[..i].iter().sum::<f64>() / i as f64;
                        let e =
                            0.02 + 49.98 * (a - (1.0 - 2.0 * u) * ((0.5 - u).floor() + a).abs());
                        row[i] = 0.35f64.powf(1.0 / e);
                    }
                }
                WfgKind::Wfg9 => {
                    // From the last variable backwards: u = mean(y_>i) ≤ 0.5 here.
                    row[n_var - 1] = 0.35;
                    for i in (k..n_var - 1).rev() {
                        let u = row[i + 1..].iter().sum::<f64>() / (n_var - 1 - i) as f64;
                        row[i] = 0.35f64.powf(1.0 / (0.02 + 1.96 * u));
                    }
                }
                _ => row[k..].fill(0.35),
            }
            for (v, u) in row.iter_mut().zip(&self.upper) {
                *v *= u;
            }
        }
        Points::from_vec(data, n_var)
    }
}

impl Wfg {
    /// The front point `S·h(x)` at position values `x` (length `M − 1`) and `x_M = 0`.
    fn front_point(&self, x: &[f64], f: &mut [f64]) {
        let m = self.n_obj;
        let kind = match self.kind {
            WfgKind::Wfg3 => Shape::Linear,
            _ => Shape::Convex,
        };
        shape(kind, x, f);
        match self.kind {
            WfgKind::Wfg1 => f[m - 1] = mixed(x[0]),
            WfgKind::Wfg2 => f[m - 1] = disconnected(x[0]),
            _ => {}
        }
        for (i, fi) in f.iter_mut().enumerate() {
            *fi *= 2.0 * (i + 1) as f64;
        }
    }
}
