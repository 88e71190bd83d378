//! Classic constrained two- and three-objective problems, in the normalised form pymoo
//! uses (each constraint divided by a constant so violations are comparable), every
//! constraint written `g ≤ 0` feasible:
//!
//! - BNH: Binh & Korn, "MOBES: A multiobjective evolution strategy for constrained
//!   optimization problems", Mendel 1997.
//! - OSY: Osyczka & Kundu, "A new method to solve generalized multicriteria optimization
//!   problems using the simple genetic algorithm", Structural Optimization 10, 1995.
//! - TNK: Tanaka et al., "GA-based decision support system for multicriteria
//!   optimization", IEEE SMC 1995.
//! - SRN: Srinivas & Deb, "Multiobjective optimization using nondominated sorting in
//!   genetic algorithms", Evolutionary Computation 2(3), 1994.
//! - Welded beam: Ray & Liew, "A swarm metaphor for multiobjective design optimization",
//!   Engineering Optimization 34(2), 2002 (cost and end deflection).
//! - Car side impact: Jain & Deb, IEEE TEVC 18(4), 2014 (three objectives, ten
//!   constraints, from Gu et al. 2001).
//!
//! Known fronts: BNH (`x₂ = min(x₁, 3)`), SRN (`x₁ = −2.5`, `x₂ ∈ [2.5, √218.75]`), TNK
//! (the feasible, non-dominated part of the wavy circle `x₁² + x₂² = 1 +
//! 0.1 cos(16 atan(x₁/x₂))`) and OSY (five segments of its Pareto set, from Deb,
//! "Multi-Objective Optimization using Evolutionary Algorithms", Wiley 2001). Welded beam
//! and car side impact have fronts known only as published data files; they are refused.

use std::f64::consts::{FRAC_PI_2, PI};

use crate::benchmark::Benchmark;
use crate::check::evaluate_rows_constrained;
use crate::front::{filter_non_dominated, grid_front_where, linspace, total};
use vilfredo_core::{Points, Problem, Result};

/// Which classic problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClassicKind {
    /// Binh & Korn: 2 variables, 2 objectives, 2 constraints, convex front.
    Bnh,
    /// Osyczka & Kundu: 6 variables, 2 objectives, 6 constraints, front of 5 pieces.
    Osy,
    /// Tanaka: 2 variables, 2 objectives, 2 constraints, disconnected wavy front.
    Tnk,
    /// Srinivas & Deb: 2 variables, 2 objectives, 2 constraints.
    Srn,
    /// Welded beam design: 4 variables, 2 objectives (cost, deflection), 4 constraints.
    WeldedBeam,
    /// Car side impact: 7 variables, 3 objectives, 10 constraints.
    CarSide,
}

impl ClassicKind {
    fn name(self) -> &'static str {
        match self {
            Self::Bnh => "bnh",
            Self::Osy => "osy",
            Self::Tnk => "tnk",
            Self::Srn => "srn",
            Self::WeldedBeam => "welded_beam",
            Self::CarSide => "carside",
        }
    }

    /// `(n_obj, n_constr, lower, upper)`.
    fn shape(self) -> (usize, usize, &'static [f64], &'static [f64]) {
        match self {
            Self::Bnh => (2, 2, &[0.0, 0.0], &[5.0, 3.0]),
            Self::Osy => (
                2,
                6,
                &[0.0, 0.0, 1.0, 0.0, 1.0, 0.0],
                &[10.0, 10.0, 5.0, 6.0, 5.0, 10.0],
            ),
            // x₂ > 0 keeps atan(x₁/x₂) defined; pymoo uses the same 1e-30.
            Self::Tnk => (2, 2, &[0.0, 1e-30], &[PI, PI]),
            Self::Srn => (2, 2, &[-20.0, -20.0], &[20.0, 20.0]),
            Self::WeldedBeam => (2, 4, &[0.125, 0.1, 0.1, 0.125], &[5.0, 10.0, 10.0, 5.0]),
            Self::CarSide => (
                3,
                10,
                &[0.5, 0.45, 0.5, 0.5, 0.875, 0.4, 0.4],
                &[1.5, 1.35, 1.5, 1.5, 2.625, 1.2, 1.2],
            ),
        }
    }
}

/// One of the classic constrained problems; sizes are fixed.
#[derive(Debug, Clone)]
pub struct Classic {
    kind: ClassicKind,
}

impl Classic {
    /// Builds `kind`.
    pub fn new(kind: ClassicKind) -> Self {
        Self { kind }
    }

    /// Which problem this is.
    pub fn kind(&self) -> ClassicKind {
        self.kind
    }

    fn row(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) {
        match self.kind {
            ClassicKind::Bnh => bnh(x, f, g),
            ClassicKind::Osy => osy(x, f, g),
            ClassicKind::Tnk => tnk(x, f, g),
            ClassicKind::Srn => srn(x, f, g),
            ClassicKind::WeldedBeam => welded_beam(x, f, g),
            ClassicKind::CarSide => car_side(x, f, g),
        }
    }
}

fn sq(v: f64) -> f64 {
    v * v
}

fn bnh(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    f[0] = 4.0 * sq(x[0]) + 4.0 * sq(x[1]);
    f[1] = sq(x[0] - 5.0) + sq(x[1] - 5.0);
    // Outside the circle of radius 5 around (5, 0); inside the one of √7.7 around (8, −3).
    g[0] = (1.0 / 25.0) * (sq(x[0] - 5.0) + sq(x[1]) - 25.0);
    g[1] = -1.0 / 7.7 * (sq(x[0] - 8.0) + sq(x[1] + 3.0) - 7.7);
}

fn osy(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    f[0] = -(25.0 * sq(x[0] - 2.0)
        + sq(x[1] - 2.0)
        + sq(x[2] - 1.0)
        + sq(x[3] - 4.0)
        + sq(x[4] - 1.0));
    f[1] = x.iter().map(|v| v * v).sum();
    g[0] = -((x[0] + x[1] - 2.0) / 2.0);
    g[1] = -((6.0 - x[0] - x[1]) / 6.0);
    g[2] = -((2.0 - x[1] + x[0]) / 2.0);
    g[3] = -((2.0 - x[0] + 3.0 * x[1]) / 2.0);
    g[4] = -((4.0 - sq(x[2] - 3.0) - x[3]) / 4.0);
    g[5] = -((sq(x[4] - 3.0) + x[5] - 4.0) / 4.0);
}

fn tnk(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    f[0] = x[0];
    f[1] = x[1];
    g[0] = -(sq(x[0]) + sq(x[1]) - 1.0 - 0.1 * (16.0 * (x[0] / x[1]).atan()).cos());
    g[1] = 2.0 * (sq(x[0] - 0.5) + sq(x[1] - 0.5)) - 1.0;
}

fn srn(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    f[0] = 2.0 + sq(x[0] - 2.0) + sq(x[1] - 1.0);
    f[1] = 9.0 * x[0] - sq(x[1] - 1.0);
    g[0] = sq(x[0]) + sq(x[1]) - 225.0;
    g[1] = x[0] - 3.0 * x[1] + 10.0;
}

fn welded_beam(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    // x = (weld thickness h, weld length l, bar height t, bar thickness b).
    let (h, l, t, b) = (x[0], x[1], x[2], x[3]);
    f[0] = 1.10471 * sq(h) * l + 0.04811 * t * b * (14.0 + l);
    f[1] = 2.1952 / (b * t * t * t);
    let (p, len, tau_max, sigma_max) = (6000.0, 14.0, 13600.0, 30000.0);
    let r = (0.25 * (sq(l) + sq(h + t))).sqrt();
    let moment = p * (len + l / 2.0);
    let j = 2.0 * 0.5f64.sqrt() * h * l * (sq(l) / 12.0 + 0.25 * sq(h + t));
    let t1 = p / (2.0f64.sqrt() * h * l);
    let t2 = moment * r / j;
    let tau = (sq(t1) + sq(t2) + t1 * t2 * l / r).sqrt();
    let sigma = 6.0 * p * len / (b * sq(t));
    let buckling = 64746.022 * (1.0 - 0.0282346 * t) * t * b * b * b;
    g[0] = (1.0 / tau_max) * (tau - tau_max);
    g[1] = (1.0 / sigma_max) * (sigma - sigma_max);
    g[2] = (1.0 / (5.0 - 0.125)) * (h - b);
    g[3] = (1.0 / p) * (p - buckling);
}

fn car_side(x: &[f64], f: &mut [f64], g: &mut [f64]) {
    // The two fixed material parameters of the original nine-variable model.
    let (x8, x9) = (0.345, 0.192);
    let c1 = 1.16 - 0.3717 * x[1] * x[3] - 0.0092928 * x[2];
    let c2 = 0.261 - 0.0159 * x[0] * x[1] - 0.188 * x[0] * x8 - 0.019 * x[1] * x[6]
        + 0.0144 * x[2] * x[4]
        + 0.08045 * x[5] * x9;
    let c3 = 0.214 + 0.00817 * x[4] - 0.131 * x[0] * x8 - 0.0704 * x[0] * x9
        + 0.03099 * x[1] * x[5]
        - 0.018 * x[1] * x[6]
        + 0.0208 * x[2] * x8
        + 0.121 * x[2] * x9
        - 0.00364 * x[4] * x[5]
        - 0.018 * sq(x[1]);
    let c4 = 0.74 - 0.61 * x[1] - 0.031296 * x[2] - 0.166 * x[6] * x9 + 0.227 * sq(x[1]);
    let c5 = 28.98 + 3.818 * x[2] - 4.2 * x[0] * x[1] + 6.63 * x[5] * x9 - 7.77 * x[6] * x8;
    let c6 = 33.86 + 2.95 * x[2] - 5.057 * x[0] * x[1] - 11.0 * x[1] * x8 - 9.98 * x[6] * x8
        + 22.0 * x8 * x9;
    let c7 = 46.36 - 9.9 * x[1] - 12.9 * x[0] * x8;
    let c8 = 4.72 - 0.5 * x[3] - 0.19 * x[1] * x[2];
    let c9 = 10.58 - 0.674 * x[0] * x[1] - 1.95 * x[1] * x8;
    let c10 = 16.45 - 0.489 * x[2] * x[6] - 0.843 * x[4] * x[5];
    f[0] = 1.98
        + 4.9 * x[0]
        + 6.67 * x[1]
        + 6.98 * x[2]
        + 4.01 * x[3]
        + 1.78 * x[4]
        + 0.00001 * x[5]
        + 2.73 * x[6];
    f[1] = c8;
    f[2] = (c9 + c10) / 2.0;
    let limits = [1.0, 0.32, 0.32, 0.32, 32.0, 32.0, 32.0, 4.0, 9.9, 15.7];
    for ((gi, c), lim) in g
        .iter_mut()
        .zip([c1, c2, c3, c4, c5, c6, c7, c8, c9, c10])
        .zip(limits)
    {
        *gi = -1.0 + c / lim;
    }
}

/// OSY's Pareto-optimal vectors: `n` shared out over the five segments of the table in
/// [`Benchmark::pareto_set`].
fn osy_set(n: usize) -> Vec<f64> {
    let mut data = Vec::with_capacity(n * 6);
    for segment in 0..5 {
        let count = n / 5 + usize::from(segment < n % 5);
        let (a, b) = match segment {
            0 | 1 => (1.0, 5.0),
            2 => (4.056, 5.0),
            3 => (1.0, 3.732),
            _ => (0.0, 1.0),
        };
        for t in linspace(a, b, count) {
            let x = match segment {
                0 => [5.0, 1.0, t, 0.0, 5.0, 0.0],
                1 => [5.0, 1.0, t, 0.0, 1.0, 0.0],
                2 => [t, (t - 2.0) / 3.0, 1.0, 0.0, 1.0, 0.0],
                3 => [0.0, 2.0, t, 0.0, 1.0, 0.0],
                _ => [t, 2.0 - t, 1.0, 0.0, 1.0, 0.0],
            };
            data.extend_from_slice(&x);
        }
    }
    data
}

impl Problem for Classic {
    fn name(&self) -> &str {
        self.kind.name()
    }
    fn n_var(&self) -> usize {
        self.kind.shape().2.len()
    }
    fn n_obj(&self) -> usize {
        self.kind.shape().0
    }
    fn n_constr(&self) -> usize {
        self.kind.shape().1
    }
    fn lower(&self) -> &[f64] {
        self.kind.shape().2
    }
    fn upper(&self) -> &[f64] {
        self.kind.shape().3
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        evaluate_rows_constrained(self, x, f, g, |xr, fr, gr| self.row(xr, fr, gr))
    }
}

impl Benchmark for Classic {
    fn description(&self) -> &str {
        match self.kind {
            ClassicKind::Bnh => "BNH: 2 objectives, 2 constraints, convex front",
            ClassicKind::Osy => "OSY: 2 objectives, 6 constraints, front of five pieces",
            ClassicKind::Tnk => "TNK: 2 objectives, 2 constraints, disconnected wavy front",
            ClassicKind::Srn => "SRN: 2 objectives, 2 constraints, front on a line of x",
            ClassicKind::WeldedBeam => "Welded beam: cost and deflection, 4 constraints",
            ClassicKind::CarSide => "Car side impact: 3 objectives, 10 constraints",
        }
    }

    /// BNH: `n` images of `x₁` evenly in [0, 5], `x₂ = min(x₁, 3)` (as pymoo). SRN: `n`
    /// images of `x₁ = −2.5`, `x₂` evenly from 2.5 to where the circle constraint binds
    /// (√218.75 ≈ 14.79020; pymoo stops at 14.7902, just outside). TNK: an even grid of
    /// the angle on the wavy circle, kept where inside the second constraint's disc and
    /// non-dominated, refined until about `n` points remain. OSY: the images of its five
    /// segments (below), filtered to the non-dominated ones. Others: not known.
    fn pareto_front(&self, n: usize) -> Result<Points> {
        match self.kind {
            ClassicKind::Bnh | ClassicKind::Srn | ClassicKind::Osy => {
                let set = self.pareto_set(n)?;
                let mut f = vec![0.0; set.n_points() * 2];
                let mut g = vec![0.0; set.n_points() * self.n_constr()];
                self.evaluate(set.as_slice(), &mut f, &mut g)?;
                filter_non_dominated(f, 2)
            }
            ClassicKind::Tnk => grid_front_where(1, 2, n, |u, f| {
                // Angle φ from the x₂ axis, so atan(x₁/x₂) = φ on the curve.
                let phi = u[0] * FRAC_PI_2;
                let r = (1.0 + 0.1 * (16.0 * phi).cos()).sqrt();
                let (x1, x2) = (r * phi.sin(), r * phi.cos());
                f[0] = x1;
                f[1] = x2;
                x2 > 0.0 && sq(x1 - 0.5) + sq(x2 - 0.5) <= 0.5
            }),
            _ => Err(crate::benchmark::not_known(self.name(), "Pareto front")),
        }
    }

    /// BNH, SRN and OSY (see [`Benchmark::pareto_front`]). OSY's `n` points are shared
    /// out over its five segments (Deb 2001, where OSY is worked through):
    ///
    /// | segment | x₁ | x₂ | x₃ | x₄ | x₅ | x₆ |
    /// |---|---|---|---|---|---|---|
    /// | AB | 5 | 1 | 1 … 5 | 0 | 5 | 0 |
    /// | BC | 5 | 1 | 1 … 5 | 0 | 1 | 0 |
    /// | CD | 4.056 … 5 | (x₁ − 2)/3 | 1 | 0 | 1 | 0 |
    /// | DE | 0 | 2 | 1 … 3.732 | 0 | 1 | 0 |
    /// | EF | 0 … 1 | 2 − x₁ | 1 | 0 | 1 | 0 |
    fn pareto_set(&self, n: usize) -> Result<Points> {
        if self.kind == ClassicKind::Osy {
            total(n, 6)?;
            return Points::from_vec(osy_set(n), 6);
        }
        total(n, 2)?;
        let data: Vec<f64> = match self.kind {
            ClassicKind::Bnh => linspace(0.0, 5.0, n)
                .flat_map(|x1| [x1, x1.min(3.0)])
                .collect(),
            ClassicKind::Srn => linspace(2.5, 218.75f64.sqrt(), n)
                .flat_map(|x2| [-2.5, x2])
                .collect(),
            _ => return Err(crate::benchmark::not_known(self.name(), "Pareto set")),
        };
        Points::from_vec(data, 2)
    }
}
