//! Benchmark problems for multi-objective optimisation, with their true Pareto fronts.
//!
//! Every problem implements [`vilfredo_core::Problem`] (batch, row-major evaluation; all
//! objectives minimised) and [`Benchmark`], which adds the analytic or sampled true
//! Pareto front and Pareto set where they are known.
//!
//! Suites:
//!
//! - [`Zdt`]: ZDT1, ZDT2, ZDT3, ZDT4, ZDT6 (Zitzler, Deb & Thiele 2000), and [`Zdt5`]
//!   with binary variables;
//! - [`Dtlz`]: DTLZ1–DTLZ7 for any number of objectives (Deb, Thiele, Laumanns &
//!   Zitzler 2005);
//! - [`Wfg`]: WFG1–WFG9 with position and distance parameters `k` and `l` (Huband,
//!   Hingston, Barone & While 2006);
//! - [`CDtlz`]: C1-DTLZ1, C2-DTLZ2, C3-DTLZ4, constrained, any number of objectives
//!   (Jain & Deb 2014);
//! - [`Mw`]: MW1–MW14, constrained (Ma & Wang 2019);
//! - [`Classic`]: BNH, OSY, TNK, SRN, welded beam and car side impact, constrained;
//! - [`Re`]: the real-world suite RE21–RE91 (Tanabe & Ishibuchi 2020), with their
//!   discrete variables and constraint violations folded into an objective as in the
//!   paper, and RE91's random parameters at their means (evaluation is deterministic).
//!
//! [`get`] builds any of them by name with parameters named as pymoo names them
//! (`n_var`, `n_obj`, `k`, `l`, `alpha`, `r`); [`list`] describes what is available.
//! Constraint values follow the crate-wide convention `g ≤ 0` feasible (pymoo's too, so
//! its values are compared unchanged); `Problem::n_constr` says how many there are.
//!
//! Objective and constraint values agree with pymoo 0.6.2 to 1e-12 relative on the
//! committed fixtures (`tests/data/problems/`; RE with jMetalPy 1.9.0 and, where it departs
//! from the reference, independently written formulas). Deliberate differences from
//! pymoo, each following the papers:
//!
//! - DTLZ default sizes use the paper's `k` (5, 10, 20): `n_var = n_obj + k − 1`; pymoo
//!   fixes `n_var` at 7 or 10 whatever `n_obj` is. Pass `n_var` to get pymoo's instance.
//! - ZDT5 is unnormalised (`f₁ = 1 + u`, `f₂ = g/f₁`); pymoo normalises by default.
//! - WFG accepts any positive multiple of `n_obj − 1` as `k` (pymoo also demands k ≥ 4)
//!   and defaults to `l = 20` (pymoo has no default `n_var`).
//! - True fronts that are not known are refused rather than approximated: DTLZ5/6 with
//!   more than three objectives and WFG3 with more than two, where points off the paper's
//!   degenerate curve or line are non-dominated too. So are fronts published only as
//!   data files (welded beam, car side impact, MW5/7/9/10/11/13/14, all of RE).
//! - C-DTLZ default sizes follow the underlying DTLZ's `k` (pymoo: `n_var` 12, 12, 7).
//! - MW5/6/7/11 clamp at 0 the square root of a value that rounds below 0 at the upper
//!   bound, where pymoo returns NaN.
//!
//! Evaluation never panics and never returns a silent NaN: buffers of the wrong size,
//! and decision vectors outside the box `[lower, upper]` (where several of these
//! functions are undefined, e.g. `sqrt` of a negative `x₁` in ZDT1), are refused with an
//! error naming the sizes or the row and variable. The hot loop allocates nothing per row:
//! scratch space is allocated once per batch.

#![deny(missing_docs)]

mod benchmark;
mod cdtlz;
mod check;
mod classic;
mod dtlz;
mod front;
mod mw;
mod re;
mod registry;
mod wfg;
mod zdt;
mod zdt5;

pub use benchmark::Benchmark;
pub use cdtlz::{CDtlz, CDtlzKind};
pub use classic::{Classic, ClassicKind};
pub use dtlz::{Dtlz, DtlzKind};
pub use mw::{Mw, MwKind};
pub use re::{Re, ReKind};
pub use registry::{ParamInfo, Params, ProblemInfo, get, list};
pub use vilfredo_core::{Error, Points, Problem, Result, VarType};
pub use wfg::{Wfg, WfgKind};
pub use zdt::{Zdt, ZdtKind};
pub use zdt5::Zdt5;
