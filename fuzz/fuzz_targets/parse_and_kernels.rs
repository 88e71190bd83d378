//! Fuzz target: arbitrary bytes through the point reader and, when they parse, through
//! the Pareto ranks and the hypervolume.
//!
//! The reader must never panic; what it accepts must be finite whole rows; and the
//! kernels must accept whatever the reader accepts. A small input here may still be a
//! large point set for the naive kernels, so sets are capped to keep each run fast.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vilfredo_cli::input;
use vilfredo_pareto::{PointsView, hypervolume, pareto_rank};

/// Larger sets add run time, not coverage.
const MAX_POINTS: usize = 64;

fuzz_target!(|bytes: &[u8]| {
    let Ok(matrix) = input::parse(bytes, "fuzz") else {
        return;
    };
    if matrix.is_empty() || matrix.n_rows() > MAX_POINTS {
        return;
    }
    assert!(matrix.data().iter().all(|v| v.is_finite()));
    assert_eq!(matrix.data().len(), matrix.n_rows() * matrix.n_cols());
    let points = PointsView::new(matrix.data(), matrix.n_cols()).unwrap();

    let ranks = pareto_rank(points);
    assert_eq!(ranks.len(), matrix.n_rows());
    assert!(ranks.contains(&0));

    // A reference point strictly beyond every point, so that every point counts.
    let reference: Vec<f64> = (0..matrix.n_cols())
        .map(|c| {
            let worst = matrix.rows().map(|r| r[c]).fold(f64::MIN, f64::max);
            worst + worst.abs() + 1.0
        })
        .collect();
    if reference.iter().all(|r| r.is_finite()) && matrix.n_cols() <= 4 {
        let hv = hypervolume(points, &reference).unwrap();
        assert!(hv >= 0.0);
    }
});
