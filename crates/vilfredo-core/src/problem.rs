//! The [`Problem`] trait: what an optimiser needs to know about the function it optimises.
//!
//! A problem evaluates a *batch* of decision vectors at once (row-major, one vector per
//! row), as pymoo's vectorised `_evaluate` does: batch evaluation amortises dispatch,
//! lets a problem vectorise its arithmetic, and is the natural unit for parallel or remote
//! evaluation. Objectives are minimised; constraint values follow the convention
//! `g ≤ 0` feasible, `g > 0` violated by `g`.

use crate::Result;

/// The type of one decision variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum VarType {
    /// A real number in `[lower, upper]`.
    #[default]
    Real,
    /// An integer in `[lower, upper]` (stored as an `f64` holding an integral value).
    Integer,
    /// A bit: 0 or 1 (stored as `0.0` or `1.0`; bounds are `[0, 1]`).
    Binary,
    /// One of the unordered choices `lower..=upper` (usually `0..k`), stored as the
    /// choice's integer code. Unlike an integer, the codes carry no order: operators
    /// exchange or redraw them but never interpolate between them.
    Categorical,
}

impl VarType {
    /// Whether values are ordered numbers that arithmetic operators (SBX, polynomial
    /// mutation, differential evolution) may move: real and integer variables.
    pub fn is_numeric(self) -> bool {
        matches!(self, VarType::Real | VarType::Integer)
    }

    /// The lowercase name used in files and messages (`"real"`, `"integer"`,
    /// `"binary"`, `"categorical"`).
    pub fn name(self) -> &'static str {
        match self {
            VarType::Real => "real",
            VarType::Integer => "integer",
            VarType::Binary => "binary",
            VarType::Categorical => "categorical",
        }
    }
}

/// A multi-objective problem with box-bounded variables and optional constraints.
///
/// Implementors must be deterministic: the same inputs give the same outputs, so that runs
/// are reproducible and evaluation may be split across threads in any way.
pub trait Problem: Send + Sync {
    /// A short name, for example `"zdt1"`.
    fn name(&self) -> &str;

    /// Number of decision variables.
    fn n_var(&self) -> usize;

    /// Number of objectives (all minimised).
    fn n_obj(&self) -> usize;

    /// Number of inequality constraints (`g ≤ 0` is feasible).
    fn n_constr(&self) -> usize {
        0
    }

    /// Lower bounds, one per variable.
    fn lower(&self) -> &[f64];

    /// Upper bounds, one per variable.
    fn upper(&self) -> &[f64];

    /// The type of each variable; all real unless overridden.
    fn var_type(&self, index: usize) -> VarType {
        let _ = index;
        VarType::Real
    }

    /// Evaluates the rows of `x` (`n × n_var`, row-major) into `f` (`n × n_obj`) and `g`
    /// (`n × n_constr`; empty when there are no constraints).
    ///
    /// # Errors
    /// When the buffers do not have matching sizes, or a row is outside the domain where
    /// the problem is defined; the error names the row and variable.
    fn evaluate(&self, x: &[f64], f: &mut [f64], g: &mut [f64]) -> Result<()>;
}
