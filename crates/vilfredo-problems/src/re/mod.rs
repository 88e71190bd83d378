//! The RE suite of real-world problems: Tanabe & Ishibuchi, "An easy-to-use real-world
//! multi-objective optimization problem suite", Applied Soft Computing 89, 2020, 106078.
//!
//! Sixteen engineering design problems with 2 to 9 objectives: RE21 four-bar truss,
//! RE22 reinforced concrete beam, RE23 pressure vessel, RE24 hatch cover, RE25 coil
//! spring, RE31 two-bar truss, RE32 welded beam, RE33 disc brake, RE34 vehicle
//! crashworthiness, RE35 speed reducer, RE36 gear train, RE37 rocket injector, RE41 car
//! side impact, RE42 conceptual marine design, RE61 water resource planning, RE91 car cab
//! design. As in the paper, a problem's original constraints are not exposed as
//! constraints (`n_constr` is 0): where the paper keeps them, their total violation
//! `Σ max(0, −cᵢ)` (with `cᵢ ≥ 0` feasible) is the last objective.
//!
//! Discrete variables follow the paper: they are given as real numbers in their box and
//! mapped inside the evaluation — RE22's `x₁` and RE25's `x₃` to the closest value of
//! the catalogue of available sizes, RE23's `x₁, x₂` to `0.0625 · round(x)`, RE25's `x₁`,
//! RE35's `x₃` and all of RE36's to `round(x)` (ties to even, as numpy's `round`). The
//! integer-valued ones report [`VarType::Integer`] so optimisers may treat them so.
//!
//! Deliberate choices, each because the reference cannot be followed literally here:
//!
//! - RE91 is stochastic in the paper: four parameters are drawn at every evaluation
//!   (`x₈ ~ N(0.345, 0.006²)`, `x₉ ~ N(0.192, 0.006²)`, `x₁₀, x₁₁ ~ N(0, 10²)`). A
//!   [`vilfredo_core::Problem`] must be deterministic (results depend only on inputs and
//!   seed, whatever the thread count), so vilfredo evaluates RE91 with the four at their
//!   means: the nominal design problem. Noise, where wanted, belongs to the caller.
//! - RE22's `x₂` has lower bound 0 in the paper, where the formulas divide by zero; the
//!   bound here is 1e-30 (pymoo's choice for TNK's `x₂` for the same reason).
//! - RE33's second constraint uses 3.14 for π, as every reference implementation does
//!   (jMetalPy 1.9.0 uses π; the values differ in the last digits of the violation).
//!
//! True fronts: the paper publishes approximations (data files), not closed forms, so
//! `pareto_front` refuses every RE problem rather than inventing one.

mod formulas;

use crate::benchmark::Benchmark;
use crate::check::evaluate_rows;
use vilfredo_core::{Problem, Result, VarType};

/// The means of RE91's four random parameters `x₈ … x₁₁`, at which vilfredo evaluates it.
pub(crate) const RE91_MEANS: [f64; 4] = [0.345, 0.192, 0.0, 0.0];

/// Which RE problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // The variants are the problems' names; see the module docs.
pub enum ReKind {
    Re21,
    Re22,
    Re23,
    Re24,
    Re25,
    Re31,
    Re32,
    Re33,
    Re34,
    Re35,
    Re36,
    Re37,
    Re41,
    Re42,
    Re61,
    Re91,
}

impl ReKind {
    /// Every RE problem, in the paper's order.
    pub const ALL: [ReKind; 16] = [
        Self::Re21,
        Self::Re22,
        Self::Re23,
        Self::Re24,
        Self::Re25,
        Self::Re31,
        Self::Re32,
        Self::Re33,
        Self::Re34,
        Self::Re35,
        Self::Re36,
        Self::Re37,
        Self::Re41,
        Self::Re42,
        Self::Re61,
        Self::Re91,
    ];

    /// The registry name, `"re21"` … `"re91"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Re21 => "re21",
            Self::Re22 => "re22",
            Self::Re23 => "re23",
            Self::Re24 => "re24",
            Self::Re25 => "re25",
            Self::Re31 => "re31",
            Self::Re32 => "re32",
            Self::Re33 => "re33",
            Self::Re34 => "re34",
            Self::Re35 => "re35",
            Self::Re36 => "re36",
            Self::Re37 => "re37",
            Self::Re41 => "re41",
            Self::Re42 => "re42",
            Self::Re61 => "re61",
            Self::Re91 => "re91",
        }
    }

    /// A one-line description.
    pub fn description(self) -> &'static str {
        match self {
            Self::Re21 => "RE21: four-bar truss, 2 objectives",
            Self::Re22 => "RE22: reinforced concrete beam, 2 objectives (cost, violation)",
            Self::Re23 => "RE23: pressure vessel, 2 objectives (cost, violation)",
            Self::Re24 => "RE24: hatch cover, 2 objectives (weight, violation)",
            Self::Re25 => "RE25: coil compression spring, 2 objectives (volume, violation)",
            Self::Re31 => "RE31: two-bar truss, 3 objectives",
            Self::Re32 => "RE32: welded beam, 3 objectives",
            Self::Re33 => "RE33: disc brake, 3 objectives",
            Self::Re34 => "RE34: vehicle crashworthiness, 3 objectives",
            Self::Re35 => "RE35: speed reducer, 3 objectives",
            Self::Re36 => "RE36: gear train, 3 objectives, integer variables",
            Self::Re37 => "RE37: rocket injector, 3 objectives",
            Self::Re41 => "RE41: car side impact, 4 objectives",
            Self::Re42 => "RE42: conceptual marine design, 4 objectives",
            Self::Re61 => "RE61: water resource planning, 6 objectives",
            Self::Re91 => "RE91: car cab design, 9 objectives (random parameters at their means)",
        }
    }

    /// `(n_obj, lower, upper)`.
    fn shape(self) -> (usize, &'static [f64], &'static [f64]) {
        const CAR_LOWER: &[f64] = &[0.5, 0.45, 0.5, 0.5, 0.875, 0.4, 0.4];
        const CAR_UPPER: &[f64] = &[1.5, 1.35, 1.5, 1.5, 2.625, 1.2, 1.2];
        match self {
            Self::Re21 => (2, &[1.0, SQRT2, SQRT2, 1.0], &[3.0, 3.0, 3.0, 3.0]),
            Self::Re22 => (2, &[0.2, 1e-30, 0.0], &[15.0, 20.0, 40.0]),
            Self::Re23 => (2, &[1.0, 1.0, 10.0, 10.0], &[100.0, 100.0, 200.0, 240.0]),
            Self::Re24 => (2, &[0.5, 0.5], &[4.0, 50.0]),
            Self::Re25 => (2, &[1.0, 0.6, 0.09], &[70.0, 3.0, 0.5]),
            Self::Re31 => (3, &[0.00001, 0.00001, 1.0], &[100.0, 100.0, 3.0]),
            Self::Re32 => (3, &[0.125, 0.1, 0.1, 0.125], &[5.0, 10.0, 10.0, 5.0]),
            Self::Re33 => (3, &[55.0, 75.0, 1000.0, 11.0], &[80.0, 110.0, 3000.0, 20.0]),
            Self::Re34 => (3, &[1.0; 5], &[3.0; 5]),
            Self::Re35 => (
                3,
                &[2.6, 0.7, 17.0, 7.3, 7.3, 2.9, 5.0],
                &[3.6, 0.8, 28.0, 8.3, 8.3, 3.9, 5.5],
            ),
            Self::Re36 => (3, &[12.0; 4], &[60.0; 4]),
            Self::Re37 => (3, &[0.0; 4], &[1.0; 4]),
            Self::Re41 => (4, CAR_LOWER, CAR_UPPER),
            Self::Re42 => (
                4,
                &[150.0, 20.0, 13.0, 10.0, 14.0, 0.63],
                &[274.32, 32.31, 25.0, 11.71, 18.0, 0.75],
            ),
            Self::Re61 => (6, &[0.01, 0.01, 0.01], &[0.45, 0.10, 0.10]),
            Self::Re91 => (9, CAR_LOWER, CAR_UPPER),
        }
    }

    fn integer(self, index: usize) -> bool {
        match self {
            Self::Re23 => index < 2,
            Self::Re25 => index == 0,
            Self::Re35 => index == 2,
            Self::Re36 => true,
            _ => false,
        }
    }
}

/// √2, RE21's lower bound of `x₂, x₃` (force / stress · √2 with both 10).
const SQRT2: f64 = std::f64::consts::SQRT_2;

/// An RE problem; sizes are fixed by the paper.
#[derive(Debug, Clone)]
pub struct Re {
    kind: ReKind,
}

impl Re {
    /// Builds `kind`.
    pub fn new(kind: ReKind) -> Self {
        Self { kind }
    }

    /// Which problem this is.
    pub fn kind(&self) -> ReKind {
        self.kind
    }
}

impl Problem for Re {
    fn name(&self) -> &str {
        self.kind.name()
    }
    fn n_var(&self) -> usize {
        self.kind.shape().1.len()
    }
    fn n_obj(&self) -> usize {
        self.kind.shape().0
    }
    fn lower(&self) -> &[f64] {
        self.kind.shape().1
    }
    fn upper(&self) -> &[f64] {
        self.kind.shape().2
    }
    fn var_type(&self, index: usize) -> VarType {
        if self.kind.integer(index) {
            VarType::Integer
        } else {
            VarType::Real
        }
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()> {
        let kind = self.kind;
        evaluate_rows(self, x, f, g, |xr, fr| formulas::row(kind, xr, fr))
    }
}

impl Benchmark for Re {
    fn description(&self) -> &str {
        self.kind.description()
    }
}
