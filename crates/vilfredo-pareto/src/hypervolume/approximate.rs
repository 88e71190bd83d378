//! Monte Carlo hypervolume estimates with a confidence interval.
//!
//! PLACEHOLDER (skeleton): signatures only.

use vilfredo_core::{PointsView, Result};

/// Options of [`hypervolume_approx`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxConfig {
    /// Number of samples.
    pub samples: usize,
    /// Seed of the sampler.
    pub seed: u64,
    /// Confidence level of the interval, in (0, 1).
    pub confidence: f64,
}

impl Default for ApproxConfig {
    fn default() -> Self {
        Self {
            samples: 1_000_000,
            seed: 0,
            confidence: 0.99,
        }
    }
}

/// An estimate of the hypervolume with its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HvEstimate {
    /// The point estimate.
    pub value: f64,
    /// Lower end of the confidence interval.
    pub lower: f64,
    /// Upper end of the confidence interval.
    pub upper: f64,
}

/// Estimates the hypervolume by sampling.
pub fn hypervolume_approx(
    points: PointsView<'_>,
    ref_point: &[f64],
    config: &ApproxConfig,
) -> Result<HvEstimate> {
    let _ = (points, ref_point, config);
    todo!("approximate hypervolume")
}
