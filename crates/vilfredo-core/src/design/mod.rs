//! Designs: reference directions on the simplex, and space-filling points in the cube.
//!
//! Reference directions are point sets on the unit simplex `{w ∈ ℝᵐ : w ≥ 0, Σ w_i = 1}`.
//! Decomposition-based algorithms (MOEA/D, NSGA-III) and the R2 indicator need a set of
//! weight vectors spread over the simplex. Three constructions:
//!
//! - [`das_dennis`]: the regular lattice of Das & Dennis (1998), `C(m + p − 1, p)` points;
//! - [`multi_layer`]: several Das–Dennis layers, each shrunk toward the centroid (Deb & Jain
//!   2014), for many objectives where one layer would put every point on the boundary;
//! - [`riesz_energy`]: any number of points, spread by minimising the Riesz s-energy (Blank,
//!   Deb, Dhebar, Bandaru & Seada 2021).
//!
//! Space-filling designs in `[0, 1)^d`, for initial populations and quasi-random search:
//!
//! - [`Sobol`]: Sobol' sequences with Joe & Kuo (2008) direction numbers, plain or scrambled
//!   (linear matrix scramble and digital shift);
//! - [`latin_hypercube`]: Latin hypercube samples (McKay, Beckman & Conover 1979).
//!
//! Every direction constructor refuses to build more than [`MAX_DIRECTIONS`] directions, so a typo in
//! the number of partitions cannot exhaust the memory.

mod das_dennis;
mod lhs;
mod riesz;
mod sobol;

pub use das_dennis::{MAX_MULTI_LAYER, das_dennis, multi_layer, n_das_dennis};
pub use lhs::{latin_hypercube, random_permutation};
pub use riesz::{MAX_ITERATIONS, MAX_RIESZ_POINTS, riesz_energy, s_energy};
pub use sobol::Sobol;

/// The largest number of directions any constructor here builds (ten million).
pub const MAX_DIRECTIONS: usize = 10_000_000;
