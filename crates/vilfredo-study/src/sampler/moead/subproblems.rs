//! The subproblems: weight vectors on the simplex and the neighbourhood of each.
//!
//! Weight vectors are Das & Dennis's simplex lattice (1998, "Normal-boundary
//! intersection", SIAM J. Optim. 8(3)) from `vilfredo_core::design`, or given; the
//! neighbourhoods are the batch MOEA/D's ([`vilfredo_moea::moead::decomposition`]), so
//! both forms solve the same subproblems.

use vilfredo_core::design::{das_dennis, n_das_dennis};
use vilfredo_moea::moead::decomposition::neighbourhoods;

use super::options::MoeadOptions;
use crate::error::{Result, invalid};

/// Weight vectors built when no partitions are given: the fewest partitions with at
/// least this many.
pub(crate) const DEFAULT_SUBPROBLEMS: usize = 100;

/// The weight vectors and neighbourhoods for one number of objectives.
#[derive(Debug, Clone)]
pub(crate) struct Subproblems {
    /// Number of objectives.
    pub m: usize,
    /// Weight vectors, row-major, `m` columns.
    pub weights: Vec<f64>,
    /// For each subproblem, its `T` nearest (itself included), nearest first.
    pub neighbours: Vec<Vec<usize>>,
}

impl Subproblems {
    /// The subproblems `options` describe for `m` objectives.
    ///
    /// # Errors
    /// `Invalid` when given weights do not have `m` columns, or are ragged, negative,
    /// non-finite or all zero in a row; when the lattice is too large; when
    /// `n_neighbors` exceeds the number of weight vectors.
    pub fn new(options: &MoeadOptions, m: usize) -> Result<Self> {
        let weights = match &options.weights {
            Some((w, cols)) => {
                check_weights(w, *cols)?;
                if *cols != m {
                    return Err(invalid(
                        "weights",
                        format!(
                            "the weight vectors have {cols} components but the study has \
                             {m} objective directions"
                        ),
                    ));
                }
                w.clone()
            }
            None => {
                let p = match options.n_partitions {
                    Some(p) => p,
                    None => (1..=10_000)
                        .find(|&p| n_das_dennis(m, p).is_none_or(|n| n >= DEFAULT_SUBPROBLEMS))
                        .unwrap_or(1),
                };
                das_dennis(m, p)?.as_slice().to_vec()
            }
        };
        let n = weights.len() / m.max(1);
        if options.n_neighbors > n {
            return Err(invalid(
                "n_neighbors",
                format!(
                    "{} neighbours asked for, but there are only {n} weight vectors \
                     (subproblems) for {m} objectives; lower n_neighbors or add weights",
                    options.n_neighbors
                ),
            ));
        }
        Ok(Self {
            m,
            neighbours: neighbourhoods(&weights, m, options.n_neighbors),
            weights,
        })
    }

    /// Number of subproblems.
    pub fn len(&self) -> usize {
        self.neighbours.len()
    }

    /// Weight vector `i`.
    pub fn weight(&self, i: usize) -> &[f64] {
        &self.weights[i * self.m..(i + 1) * self.m]
    }
}

/// Checks given weight vectors: whole rows of finite non-negative numbers, none all
/// zero.
pub(crate) fn check_weights(w: &[f64], cols: usize) -> Result<()> {
    let ok = cols > 0
        && !w.is_empty()
        && w.len().is_multiple_of(cols)
        && w.iter().all(|x| x.is_finite() && *x >= 0.0)
        && w.chunks_exact(cols).all(|r| r.iter().sum::<f64>() > 0.0);
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "weights",
            "need whole rows of finite non-negative numbers, none all zero",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lattice_and_neighbourhoods() {
        let s = Subproblems::new(&MoeadOptions::default(), 2).unwrap();
        assert_eq!(s.len(), 100);
        // 3 objectives: 13 partitions give 105 ≥ 100 (12 give 91).
        let s3 = Subproblems::new(&MoeadOptions::default(), 3).unwrap();
        assert_eq!(s3.len(), 105);
        assert!(s3.neighbours.iter().all(|b| b.len() == 20));
        for (i, b) in s3.neighbours.iter().enumerate() {
            assert_eq!(b[0], i);
            let sum: f64 = s3.weight(i).iter().sum();
            assert!((sum - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn bad_weights_and_neighbourhoods_are_refused() {
        let small = MoeadOptions {
            n_partitions: Some(4),
            ..MoeadOptions::default()
        };
        let e = Subproblems::new(&small, 2).unwrap_err().to_string();
        assert!(e.contains("n_neighbors") && e.contains("only 5"), "{e}");
        let given = MoeadOptions {
            weights: Some((vec![1.0, 0.0, 0.5, 0.5, 0.0, 1.0], 2)),
            n_neighbors: 2,
            ..MoeadOptions::default()
        };
        assert_eq!(Subproblems::new(&given, 2).unwrap().len(), 3);
        let e = Subproblems::new(&given, 3).unwrap_err().to_string();
        assert!(
            e.contains("2 components") && e.contains("3 objective"),
            "{e}"
        );
        let ragged = MoeadOptions {
            weights: Some((vec![1.0, 0.0, 0.5], 2)),
            ..given
        };
        assert!(Subproblems::new(&ragged, 2).is_err());
    }
}
