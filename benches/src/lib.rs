//! Benchmark inputs shared by the criterion benches of vilfredo.
//!
//! The inputs are the shared benchmark harness's arrays, rebuilt bit for bit by
//! [`vilfredo_core::rng`], so the criterion numbers and the Python side-by-side comparison
//! (`bench/compare.py`) time the very same points. The cases listed here follow the shared
//! harness's workloads; the exact-hypervolume list leaves out the sizes that no peer finishes
//! within a minute on this machine.

#![deny(missing_docs)]

use vilfredo_core::rng::{bench_seed, sphere_points, uniform_points};

/// Shape of a benchmark input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Uniform points in `[0, 1)^m`: most points dominated, few fronts are large.
    Uniform,
    /// Points on the positive orthant of the unit sphere: all mutually non-dominated.
    Sphere,
}

impl Shape {
    /// Short name used in benchmark ids (`uniform` or `sphere`).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Uniform => "uniform",
            Shape::Sphere => "sphere",
        }
    }
}

/// The `n × m` benchmark input of a shape, row-major, identical to the shared harness's.
pub fn input(shape: Shape, n: usize, m: usize) -> Vec<f64> {
    match shape {
        Shape::Uniform => uniform_points(n, m, bench_seed(m, false)),
        Shape::Sphere => sphere_points(n, m, bench_seed(m, true)),
    }
}

/// Reference point of the hypervolume workloads: 1.1 in every objective.
pub fn reference(m: usize) -> Vec<f64> {
    vec![1.1; m]
}

/// Objective counts of the sorting workloads.
pub const SORT_M: [usize; 4] = [2, 3, 5, 10];
/// Point counts of the sorting workloads.
pub const SORT_N: [usize; 3] = [1_000, 10_000, 100_000];

/// `(m, n)` cases of the exact-hypervolume workload (sphere shape).
pub const HV_CASES: [(usize, usize); 15] = [
    (2, 100),
    (2, 1_000),
    (2, 10_000),
    (3, 100),
    (3, 1_000),
    (3, 10_000),
    (4, 100),
    (4, 1_000),
    (4, 10_000),
    (5, 100),
    (5, 1_000),
    (5, 10_000),
    (6, 100),
    (6, 1_000),
    (8, 100),
];

/// `(m, n)` cases of the exclusive-contribution workload (sphere shape).
pub const HVC_CASES: [(usize, usize); 6] = [
    (2, 100),
    (2, 1_000),
    (3, 100),
    (3, 1_000),
    (4, 100),
    (4, 1_000),
];

/// Largest `n` to run, from `VILFREDO_BENCH_MAX_N` (default: no limit).
///
/// Lets a quick run skip the 100 000-point sorting cases:
/// `VILFREDO_BENCH_MAX_N=10000 cargo bench -p vilfredo-benches`.
pub fn max_n() -> usize {
    std::env::var("VILFREDO_BENCH_MAX_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX)
}
