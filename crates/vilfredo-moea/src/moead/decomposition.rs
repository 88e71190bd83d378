//! The subproblems of MOEA/D: a scalarizing function per weight vector, the
//! neighbourhood of each weight vector, and the comparison that decides replacement.

use vilfredo_pareto::scalarize::Scalarization;

/// How MOEA/D turns a weight vector into a single-objective subproblem (Zhang & Li 2007,
/// §II), computed by [`vilfredo_pareto::scalarize`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Decomposition {
    /// Weighted Tchebycheff `max_i w_i |f_i − z_i|`.
    Tchebycheff,
    /// Penalty-based boundary intersection `d₁ + θ d₂`.
    Pbi {
        /// The penalty `θ` on the distance from the weight direction (Zhang & Li use 5).
        theta: f64,
    },
}

impl Decomposition {
    /// The scalarizing function, validated.
    pub fn scalarization(self) -> vilfredo_core::Result<Scalarization> {
        match self {
            Self::Tchebycheff => Ok(Scalarization::Tchebycheff),
            Self::Pbi { theta } => Scalarization::pbi(theta),
        }
    }
}

/// For each weight vector (rows of `m` values), the indices of its `t` nearest weight
/// vectors by Euclidean distance, itself included, nearest first (ties by index).
pub fn neighbourhoods(weights: &[f64], m: usize, t: usize) -> Vec<Vec<usize>> {
    let n = weights.len() / m;
    let row = |i: usize| &weights[i * m..(i + 1) * m];
    (0..n)
        .map(|i| {
            let d: Vec<f64> = (0..n)
                .map(|j| {
                    row(i)
                        .iter()
                        .zip(row(j))
                        .map(|(a, b)| (a - b) * (a - b))
                        .sum()
                })
                .collect();
            let mut idx: Vec<usize> = (0..n).collect();
            idx.sort_by(|&a, &b| d[a].total_cmp(&d[b]).then(a.cmp(&b)));
            idx.truncate(t);
            idx
        })
        .collect()
}

/// Whether a candidate replaces the current solution of a subproblem, by Deb's
/// feasibility rules (Deb 2000, "An efficient constraint handling method for genetic
/// algorithms", Computer Methods in Applied Mechanics and Engineering 186) applied to
/// the replacement step in place of the plain comparison of values: a feasible
/// candidate beats an infeasible incumbent, an infeasible one never beats a feasible
/// one, two infeasible ones compare by total violation (strictly smaller wins), and two
/// feasible ones by the subproblem's value (smaller or equal wins, as in Li & Zhang
/// 2009, so that the population keeps moving across plateaus).
pub fn replaces(cand_cv: f64, cand_value: f64, cur_cv: f64, cur_value: f64) -> bool {
    match (cand_cv == 0.0, cur_cv == 0.0) {
        (true, true) => cand_value <= cur_value,
        (true, false) => true,
        (false, true) => false,
        (false, false) => cand_cv < cur_cv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbourhoods_by_hand() {
        // Five weights on the 2-D simplex: the 3 nearest of each.
        let w = [0.0, 1.0, 0.25, 0.75, 0.5, 0.5, 0.75, 0.25, 1.0, 0.0];
        let b = neighbourhoods(&w, 2, 3);
        assert_eq!(b[0], vec![0, 1, 2]);
        // Equal distances to 1 and 3: the lower index first.
        assert_eq!(b[2], vec![2, 1, 3]);
        assert_eq!(b[4], vec![4, 3, 2]);
    }

    #[test]
    fn feasibility_first_replacement() {
        assert!(replaces(0.0, 5.0, 1.0, 0.0));
        assert!(!replaces(1.0, 0.0, 0.0, 5.0));
        assert!(replaces(0.5, 9.0, 1.0, 0.0));
        assert!(!replaces(1.0, 0.0, 1.0, 9.0));
        assert!(replaces(0.0, 1.0, 0.0, 1.0));
        assert!(!replaces(0.0, 1.5, 0.0, 1.0));
    }
}
