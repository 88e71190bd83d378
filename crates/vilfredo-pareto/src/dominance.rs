//! Comparing two points under Pareto dominance (minimisation).

/// How two points compare under Pareto dominance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dominance {
    /// The first point dominates the second.
    Dominates,
    /// The second point dominates the first.
    DominatedBy,
    /// The points are equal in every objective.
    Equal,
    /// Neither dominates the other and they differ.
    Incomparable,
}

/// Compares `a` with `b` (same length, minimisation).
pub fn compare(a: &[f64], b: &[f64]) -> Dominance {
    debug_assert_eq!(a.len(), b.len());
    let mut a_better = false;
    let mut b_better = false;
    for (x, y) in a.iter().zip(b) {
        if x < y {
            a_better = true;
        } else if y < x {
            b_better = true;
        }
        if a_better && b_better {
            return Dominance::Incomparable;
        }
    }
    match (a_better, b_better) {
        (true, false) => Dominance::Dominates,
        (false, true) => Dominance::DominatedBy,
        (false, false) => Dominance::Equal,
        (true, true) => Dominance::Incomparable,
    }
}

/// `true` when `a` dominates `b`: `a ≤ b` in every objective and `a < b` in at least one.
#[inline]
pub fn dominates(a: &[f64], b: &[f64]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let mut strictly = false;
    for (x, y) in a.iter().zip(b) {
        if x > y {
            return false;
        }
        strictly |= x < y;
    }
    strictly
}

/// `true` when `a ≤ b` in every objective (weak dominance; equal points included).
#[inline]
pub fn weakly_dominates(a: &[f64], b: &[f64]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    a.iter().zip(b).all(|(x, y)| x <= y)
}

/// `true` when `a` (with aggregated constraint violation `va`) beats `b` (violation
/// `vb`) under Deb's (2000) feasibility rules: a point is feasible when its violation is
/// `≤ 0`; a feasible point beats an infeasible one; two feasible points compare by
/// [`dominates`]; two infeasible points by violation alone (smaller wins).
///
/// Deb (2000), "An efficient constraint handling method for genetic algorithms",
/// Computer Methods in Applied Mechanics and Engineering 186(2–4).
#[inline]
pub fn constrained_dominates(a: &[f64], va: f64, b: &[f64], vb: f64) -> bool {
    match (va <= 0.0, vb <= 0.0) {
        (true, true) => dominates(a, b),
        (true, false) => true,
        (false, true) => false,
        (false, false) => va < vb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_points_do_not_dominate() {
        assert!(!dominates(&[1.0, 2.0], &[1.0, 2.0]));
        assert_eq!(compare(&[1.0, 2.0], &[1.0, 2.0]), Dominance::Equal);
        assert!(weakly_dominates(&[1.0, 2.0], &[1.0, 2.0]));
    }

    #[test]
    fn compare_cases() {
        assert_eq!(compare(&[1.0, 2.0], &[1.0, 3.0]), Dominance::Dominates);
        assert_eq!(compare(&[1.0, 3.0], &[1.0, 2.0]), Dominance::DominatedBy);
        assert_eq!(compare(&[0.0, 3.0], &[1.0, 2.0]), Dominance::Incomparable);
        assert!(dominates(&[0.0, 0.0], &[0.0, 1.0]));
        assert!(!dominates(&[0.0, 3.0], &[1.0, 2.0]));
    }

    #[test]
    fn constrained_rules() {
        let (a, b) = ([1.0, 1.0], [0.0, 0.0]);
        assert!(constrained_dominates(&a, 0.0, &b, 0.5));
        assert!(!constrained_dominates(&b, 0.5, &a, -1.0));
        assert!(constrained_dominates(&a, 0.1, &b, 0.5));
        assert!(!constrained_dominates(&a, 0.5, &b, 0.5));
        assert!(constrained_dominates(&b, -2.0, &a, 0.0));
        assert!(!constrained_dominates(&a, 0.0, &b, 0.0));
    }
}
