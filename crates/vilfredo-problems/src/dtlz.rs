//! DTLZ1–DTLZ7: the scalable suite of Deb, Thiele, Laumanns & Zitzler, "Scalable Test
//! Problems for Evolutionary Multiobjective Optimization", in Evolutionary Multiobjective
//! Optimization (Springer, 2005), pp. 105–145.
//!
//! With `M` objectives and `n_var = M + k − 1` variables in [0, 1], the first `M − 1`
//! variables place a point on the front and the last `k` (the distance variables `x_M`)
//! enter through `g(x_M)`, which is 0 (DTLZ1–6) or 1 (DTLZ7) on the Pareto set.
//!
//! Default `k` follows the paper: 5 for DTLZ1, 10 for DTLZ2–DTLZ6, 20 for DTLZ7. pymoo
//! 0.6.2 instead defaults to `n_var` = 7 (DTLZ1) or 10 (DTLZ2–7) whatever `M` is, i.e.
//! k = 5 and 8 with three objectives; pass `n_var` to reproduce pymoo.

use std::f64::consts::{FRAC_PI_2, PI};

use crate::benchmark::Benchmark;
use crate::check::{evaluate_rows, sum};
use crate::front::{grid_front, lattice, linspace, positive, sphere, total};
use vilfredo_core::{Error, Points, Problem, Result};

/// Which DTLZ function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DtlzKind {
    /// Linear front `Σ fᵢ = 0.5`, multimodal `g` (11ᵏ − 1 local fronts).
    Dtlz1,
    /// Spherical front `Σ fᵢ² = 1`.
    Dtlz2,
    /// DTLZ2's front with DTLZ1's multimodal `g` (3ᵏ − 1 local fronts).
    Dtlz3,
    /// DTLZ2 with the position variables raised to `alpha` (default 100): biased density.
    Dtlz4,
    /// Degenerate curve on the sphere.
    Dtlz5,
    /// DTLZ5's curve with the harder `g = Σ xᵢ^0.1`.
    Dtlz6,
    /// Front of `2^(M−1)` disconnected regions.
    Dtlz7,
}

impl DtlzKind {
    /// The paper's `k` (number of distance variables): 5, 10 or 20.
    pub fn default_k(self) -> usize {
        match self {
            Self::Dtlz1 => 5,
            Self::Dtlz7 => 20,
            _ => 10,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Dtlz1 => "dtlz1",
            Self::Dtlz2 => "dtlz2",
            Self::Dtlz3 => "dtlz3",
            Self::Dtlz4 => "dtlz4",
            Self::Dtlz5 => "dtlz5",
            Self::Dtlz6 => "dtlz6",
            Self::Dtlz7 => "dtlz7",
        }
    }
}

/// A DTLZ problem with `n_obj ≥ 2` objectives and `n_var ≥ n_obj` variables in [0, 1].
#[derive(Debug, Clone)]
pub struct Dtlz {
    kind: DtlzKind,
    n_obj: usize,
    alpha: f64,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Dtlz {
    /// Builds `kind` with `n_obj` objectives and `n_var` variables (`None`: the paper's
    /// `n_obj + k − 1`). DTLZ4's `alpha` is 100; see [`Dtlz::with_alpha`].
    ///
    /// # Errors
    /// When `n_obj < 2`, `n_var < n_obj` (at least one distance variable is needed), or
    /// either exceeds 1 000 000.
    pub fn new(kind: DtlzKind, n_obj: usize, n_var: Option<usize>) -> Result<Self> {
        if n_obj < 2 {
            return Err(Error::InvalidArgument {
                name: "n_obj",
                reason: format!("{} needs n_obj ≥ 2, got {n_obj}", kind.name()),
            });
        }
        let n_var = n_var.unwrap_or(n_obj + kind.default_k() - 1);
        crate::check::size("n_obj", n_obj)?;
        crate::check::size("n_var", n_var)?;
        if n_var < n_obj {
            return Err(Error::InvalidArgument {
                name: "n_var",
                reason: format!(
                    "{} needs n_var ≥ n_obj (n_var = n_obj + k − 1 with k ≥ 1), got n_var = {n_var} with n_obj = {n_obj}",
                    kind.name()
                ),
            });
        }
        Ok(Self {
            kind,
            n_obj,
            alpha: 100.0,
            lower: vec![0.0; n_var],
            upper: vec![1.0; n_var],
        })
    }

    /// Sets DTLZ4's exponent `alpha` (only DTLZ4 uses it).
    ///
    /// # Errors
    /// When `alpha` is not finite and positive.
    pub fn with_alpha(mut self, alpha: f64) -> Result<Self> {
        if !(alpha.is_finite() && alpha > 0.0) {
            return Err(Error::InvalidArgument {
                name: "alpha",
                reason: format!("alpha must be a finite positive number, got {alpha}"),
            });
        }
        self.alpha = alpha;
        Ok(self)
    }

    /// Which DTLZ function this is.
    pub fn kind(&self) -> DtlzKind {
        self.kind
    }

    /// The number of distance variables, `k = n_var − n_obj + 1`.
    pub fn k(&self) -> usize {
        self.lower.len() - self.n_obj + 1
    }

    /// DTLZ4's exponent (100 unless changed).
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    pub(crate) fn row(&self, x: &[f64], f: &mut [f64]) {
        let m = self.n_obj;
        let (pos, dist) = x.split_at(m - 1);
        let k = dist.len() as f64;
        // g of DTLZ1 and DTLZ3: multimodal; of DTLZ2, 4, 5: the sphere.
        let g_multi = || {
            100.0
                * (k + dist
                    .iter()
                    .map(|&v| {
                        let d = v - 0.5;
                        d * d - (20.0 * PI * d).cos()
                    })
                    .sum::<f64>())
        };
        let g_sphere = || dist.iter().map(|&v| (v - 0.5) * (v - 0.5)).sum::<f64>();
        match self.kind {
            DtlzKind::Dtlz1 => {
                // f_{M−1−j} = ½(1+g) x₀⋯x_{j−1} (1 − x_j), f₀ = ½(1+g) x₀⋯x_{M−2}.
                let scale = 0.5 * (1.0 + g_multi());
                let mut prod = scale;
                for (j, &v) in pos.iter().enumerate() {
                    f[m - 1 - j] = prod * (1.0 - v);
                    prod *= v;
                }
                f[0] = prod;
            }
            DtlzKind::Dtlz2 => spherical(pos.iter().copied(), 1.0 + g_sphere(), f),
            DtlzKind::Dtlz3 => spherical(pos.iter().copied(), 1.0 + g_multi(), f),
            DtlzKind::Dtlz4 => {
                let a = self.alpha;
                spherical(pos.iter().map(|&v| v.powf(a)), 1.0 + g_sphere(), f);
            }
            DtlzKind::Dtlz5 | DtlzKind::Dtlz6 => {
                let g = if self.kind == DtlzKind::Dtlz5 {
                    g_sphere()
                } else {
                    dist.iter().map(|&v| v.powf(0.1)).sum::<f64>()
                };
                // θ₀ = x₀; θᵢ = (1 + 2g xᵢ) / (2(1 + g)) (in units of π/2).
                let c = 1.0 / (2.0 * (1.0 + g));
                let theta = pos
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| if i == 0 { v } else { c * (1.0 + 2.0 * g * v) });
                spherical(theta, 1.0 + g, f);
            }
            DtlzKind::Dtlz7 => {
                let g = 1.0 + 9.0 / k * sum(dist);
                let mut h = m as f64;
                for (fi, &v) in f.iter_mut().zip(pos) {
                    *fi = v;
                    h -= v / (1.0 + g) * (1.0 + (3.0 * PI * v).sin());
                }
                f[m - 1] = (1.0 + g) * h;
            }
        }
    }
}

/// `f_{M−1−j} = r·cos(θ₀)⋯cos(θ_{j−1})·sin(θ_j)`, `f₀ = r·Π cos(θ_j)`, with the angles
/// given in units of π/2 — the common shape of DTLZ2–DTLZ6.
fn spherical(theta: impl Iterator<Item = f64>, r: f64, f: &mut [f64]) {
    let m = f.len();
    let mut prod = r;
    for (j, t) in theta.enumerate() {
        let a = t * PI / 2.0;
        f[m - 1 - j] = prod * a.sin();
        prod *= a.cos();
    }
    f[0] = prod;
}

impl Problem for Dtlz {
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
        evaluate_rows(self, x, f, g, |xr, fr| self.row(xr, fr))
    }
}

impl Benchmark for Dtlz {
    fn description(&self) -> &str {
        match self.kind {
            DtlzKind::Dtlz1 => "DTLZ1: M objectives, linear front sum(f) = 0.5, multimodal",
            DtlzKind::Dtlz2 => "DTLZ2: M objectives, spherical front sum(f^2) = 1",
            DtlzKind::Dtlz3 => "DTLZ3: M objectives, spherical front, multimodal",
            DtlzKind::Dtlz4 => "DTLZ4: M objectives, spherical front, biased density (alpha)",
            DtlzKind::Dtlz5 => "DTLZ5: M objectives, degenerate curve on the sphere",
            DtlzKind::Dtlz6 => "DTLZ6: M objectives, degenerate curve, hard g = sum(x^0.1)",
            DtlzKind::Dtlz7 => "DTLZ7: M objectives, 2^(M-1) disconnected regions",
        }
    }

    /// DTLZ1: the Das–Dennis lattice (largest with at most `n` points) scaled by ½;
    /// DTLZ2–4: the lattice projected onto the unit sphere (as pymoo); DTLZ5/6: `n` points
    /// of the curve `θ₀ ∈ [0, π/2]`, `θᵢ = π/4` (i ≥ 1); DTLZ7: an even grid of
    /// `f₁…f_{M−1}` in [0, 1] with `f_M = 2M − Σ fᵢ(1 + sin 3πfᵢ)`, filtered to its
    /// non-dominated points, the grid enlarged until about `n` (at least 0.9·n) survive.
    ///
    /// DTLZ5/6 with `M ≥ 4` err: the curve is the image of `g = 0` as the paper defines
    /// it, but points with `g > 0` are non-dominated with respect to it (random sampling
    /// finds many for `M = 4`), so the true front is larger and not known in closed form.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        total(n, self.n_obj)?;
        let m = self.n_obj;
        match self.kind {
            DtlzKind::Dtlz1 => {
                let w = lattice(m, n)?;
                Points::from_vec(w.as_slice().iter().map(|v| 0.5 * v).collect(), m)
            }
            DtlzKind::Dtlz2 | DtlzKind::Dtlz3 | DtlzKind::Dtlz4 => sphere(m, n, &vec![1.0; m]),
            DtlzKind::Dtlz5 | DtlzKind::Dtlz6 if m > 3 => Err(Error::InvalidArgument {
                name: "problem",
                reason: format!(
                    "the true Pareto front of {} with {m} objectives is not known: it is more than the degenerate curve of the paper",
                    self.name()
                ),
            }),
            DtlzKind::Dtlz5 | DtlzKind::Dtlz6 => {
                positive(n)?;
                let mut data = vec![0.0; n * m];
                for (row, t0) in data.chunks_exact_mut(m).zip(linspace(0.0, 1.0, n)) {
                    let theta = std::iter::once(t0).chain(std::iter::repeat_n(0.5, m - 2));
                    spherical(theta, 1.0, row);
                }
                Points::from_vec(data, m)
            }
            DtlzKind::Dtlz7 => grid_front(m - 1, m, n, |u, f| {
                // On the front g = 1: f_M = 2(M − Σ fᵢ/2 (1 + sin 3πfᵢ)).
                let mut last = 2.0 * m as f64;
                for (fi, &v) in f.iter_mut().zip(u) {
                    *fi = v;
                    last -= v * (1.0 + (3.0 * PI * v).sin());
                }
                f[m - 1] = last;
            }),
        }
    }

    /// Position variables spread so their image is the front above (DTLZ1–4: the
    /// lattice's angles or coordinates; DTLZ5/6: x₀ evenly in [0, 1]); distance variables
    /// at their optimum (0.5, or 0 for DTLZ6 and DTLZ7). For DTLZ7 the position variables
    /// are the front's first `M − 1` objectives.
    fn pareto_set(&self, n: usize) -> Result<Points> {
        total(n, self.n_var())?;
        let m = self.n_obj;
        let n_var = self.n_var();
        let dist_opt = match self.kind {
            DtlzKind::Dtlz6 | DtlzKind::Dtlz7 => 0.0,
            _ => 0.5,
        };
        // The position variables of each front point, inverted from the front itself.
        let front = self.pareto_front(n)?;
        let mut data = vec![dist_opt; front.n_points() * n_var];
        for (row, fp) in data.chunks_exact_mut(n_var).zip(front.view().rows()) {
            match self.kind {
                DtlzKind::Dtlz7 => row[..m - 1].copy_from_slice(&fp[..m - 1]),
                DtlzKind::Dtlz1 => {
                    // f₀ = ½ x₀⋯x_{M−2}; f_{M−1−j} = ½ x₀⋯x_{j−1}(1 − x_j): peel off in turn.
                    let mut prod = 0.5;
                    for j in 0..m - 1 {
                        let xj = if prod > 0.0 {
                            1.0 - fp[m - 1 - j] / prod
                        } else {
                            0.0
                        };
                        row[j] = xj.clamp(0.0, 1.0);
                        prod *= row[j];
                    }
                }
                _ => {
                    // θ_j from the tail: tan θ_j = f_{M−1−j} / ‖f₀…f_{M−2−j}‖.
                    for j in 0..m - 1 {
                        let head: f64 = fp[..m - 1 - j].iter().map(|v| v * v).sum::<f64>().sqrt();
                        let theta = fp[m - 1 - j].atan2(head) / FRAC_PI_2;
                        let t = theta.clamp(0.0, 1.0);
                        row[j] = match self.kind {
                            DtlzKind::Dtlz4 => t.powf(1.0 / self.alpha),
                            // On the curve θᵢ = π/4 for every i ≥ 1 whatever xᵢ (g = 0).
                            DtlzKind::Dtlz5 | DtlzKind::Dtlz6 if j > 0 => 0.5,
                            _ => t,
                        };
                    }
                }
            }
        }
        Points::from_vec(data, n_var)
    }
}
