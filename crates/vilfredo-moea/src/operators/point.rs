//! k-point crossover (De Jong 1975, "An analysis of the behavior of a class of genetic
//! adaptive systems", PhD thesis, University of Michigan): cut both parents at `k`
//! distinct random positions and exchange every other segment. It only moves values
//! between the parents, so it suits every variable type (one- and two-point are the
//! usual choices for binary and integer strings).

use super::check_probability;
use crate::Space;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, Result};

/// k-point crossover settings; the default is two-point crossover on 90% of pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PointCrossover {
    /// Number of cut points `k` (at least 1; at most `n_var − 1` are used).
    pub n_points: usize,
    /// Probability that a pair of parents is crossed at all.
    pub prob: f64,
}

impl Default for PointCrossover {
    fn default() -> Self {
        Self {
            n_points: 2,
            prob: 0.9,
        }
    }
}

impl PointCrossover {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for `n_points == 0` or a probability outside `[0, 1]`.
    pub fn validate(&self) -> Result<()> {
        if self.n_points == 0 {
            return Err(Error::InvalidArgument {
                name: "point_crossover.n_points",
                reason: "at least one cut point is needed".into(),
            });
        }
        check_probability("point_crossover.prob", self.prob)
    }

    /// Crosses `c1` and `c2` (copies of the parents on entry) in place. Cut points are
    /// drawn among the `n_var − 1` gaps between variables; segments after an odd number
    /// of cuts are exchanged.
    pub fn apply(&self, space: &Space, c1: &mut [f64], c2: &mut [f64], rng: &mut SplitMix64) {
        let n = space.n_var().min(c1.len()).min(c2.len());
        if n < 2 || rng.next_f64() >= self.prob {
            return;
        }
        // Selection sampling (Knuth's Algorithm S): gap j (between variables j − 1 and
        // j) is cut with probability (cuts left)/(gaps left), which picks k distinct gaps
        // uniformly, in order, without a buffer.
        let mut cuts_left = self.n_points.min(n - 1) as u64;
        let mut gaps_left = (n - 1) as u64;
        let mut swapping = false;
        for j in 1..n {
            if rng.below(gaps_left) < cuts_left {
                swapping = !swapping;
                cuts_left -= 1;
            }
            gaps_left -= 1;
            if swapping {
                std::mem::swap(&mut c1[j], &mut c2[j]);
            }
        }
    }
}
