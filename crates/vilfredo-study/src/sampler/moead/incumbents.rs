//! One incumbent trial per subproblem, the ideal point, and MOEA/D's replacement rule.
//!
//! A complete trial of subproblem `i` first lowers the ideal point (the minimum of every
//! complete trial's objectives, feasible or not, as in Zhang & Li 2007 and the batch
//! [`vilfredo_moea::Moead`]). If `i` has no incumbent yet, the trial becomes it: that is
//! the initial phase, one random trial per subproblem. Otherwise the trial visits its
//! pool (the neighbourhood, or every subproblem when it mated globally) in a random
//! order and replaces at most `n_r` incumbents it beats on their own subproblem (Li &
//! Zhang 2009), under Deb's feasibility rules
//! ([`vilfredo_moea::moead::decomposition::replaces`]). Objective values are not
//! normalised, as in the batch MOEA/D.

use vilfredo_core::rng::SplitMix64;
use vilfredo_moea::moead::decomposition::replaces;
use vilfredo_pareto::scalarize::Scalarization;

use super::subproblems::Subproblems;
use crate::sampler::evolution::member::Member;

/// The incumbents of the subproblems and the ideal point.
#[derive(Debug, Clone)]
pub(crate) struct Incumbents {
    pub subproblems: Subproblems,
    scalarization: Scalarization,
    max_replacements: usize,
    members: Vec<Option<Member>>,
    ideal: Option<Vec<f64>>,
}

impl Incumbents {
    /// No incumbents yet.
    pub fn new(
        subproblems: Subproblems,
        scalarization: Scalarization,
        max_replacements: usize,
    ) -> Self {
        Self {
            members: vec![None; subproblems.len()],
            subproblems,
            scalarization,
            max_replacements,
            ideal: None,
        }
    }

    /// The incumbent of each subproblem, if any.
    pub fn members(&self) -> &[Option<Member>] {
        &self.members
    }

    /// The ideal point so far.
    #[cfg(test)]
    pub fn ideal(&self) -> Option<&[f64]> {
        self.ideal.as_deref()
    }

    /// Takes complete trial `m` of subproblem `i` whose pool is everyone when `global`;
    /// `order` shuffles the pool. Returns whether an incumbent changed.
    pub fn absorb(&mut self, m: Member, i: usize, global: bool, mut order: SplitMix64) -> bool {
        match &mut self.ideal {
            Some(z) => z
                .iter_mut()
                .zip(&m.objectives)
                .for_each(|(z, &v)| *z = z.min(v)),
            None => self.ideal = Some(m.objectives.clone()),
        }
        if self.members[i].is_none() {
            self.members[i] = Some(m);
            return true;
        }
        let Some(z) = self.ideal.as_deref() else {
            return false;
        };
        let mut pool: Vec<usize> = if global {
            (0..self.members.len()).collect()
        } else {
            self.subproblems.neighbours[i].clone()
        };
        for a in (1..pool.len()).rev() {
            let b = order.below(a as u64 + 1) as usize;
            pool.swap(a, b);
        }
        let mut replaced = 0;
        for j in pool {
            if replaced == self.max_replacements {
                break;
            }
            // An empty subproblem waits for its own initial trial.
            let Some(cur) = &self.members[j] else {
                continue;
            };
            let w = self.subproblems.weight(j);
            let cand = self.scalarization.value(&m.objectives, w, z);
            let now = self.scalarization.value(&cur.objectives, w, z);
            if replaces(m.violation, cand, cur.violation, now) {
                self.members[j] = Some(m.clone());
                replaced += 1;
            }
        }
        replaced > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampler::evolution::member::tests::member;
    use crate::sampler::moead::options::MoeadOptions;

    fn incumbents(n_r: usize) -> Incumbents {
        let options = MoeadOptions {
            weights: Some((vec![1.0, 0.0, 0.5, 0.5, 0.0, 1.0], 2)),
            n_neighbors: 3,
            ..MoeadOptions::default()
        };
        let s = Subproblems::new(&options, 2).unwrap();
        Incumbents::new(s, Scalarization::Tchebycheff, n_r)
    }

    fn numbers(inc: &Incumbents) -> Vec<Option<u64>> {
        inc.members()
            .iter()
            .map(|m| m.as_ref().map(|m| m.number))
            .collect()
    }

    #[test]
    fn fills_then_replaces_at_most_n_r() {
        let mut inc = incumbents(2);
        let g = || SplitMix64::new(1);
        assert!(inc.absorb(member(0, [1.0, 3.0], 0.0), 0, false, g()));
        assert!(inc.absorb(member(1, [2.0, 2.0], 0.0), 1, false, g()));
        assert!(inc.absorb(member(2, [3.0, 1.0], 0.0), 2, false, g()));
        assert_eq!(numbers(&inc), vec![Some(0), Some(1), Some(2)]);
        assert_eq!(inc.ideal().unwrap(), &[1.0, 1.0]);
        // (0.5, 0.5) beats every incumbent on every weight, but replaces only two.
        assert!(inc.absorb(member(3, [0.5, 0.5], 0.0), 1, false, g()));
        let n = numbers(&inc);
        assert_eq!(n.iter().filter(|x| **x == Some(3)).count(), 2, "{n:?}");
        assert_eq!(inc.ideal().unwrap(), &[0.5, 0.5]);
        // A dominated trial replaces nothing.
        assert!(!inc.absorb(member(4, [9.0, 9.0], 0.0), 0, true, g()));
    }

    #[test]
    fn feasible_beats_infeasible_and_less_violation_wins() {
        let mut inc = incumbents(3);
        let g = || SplitMix64::new(2);
        inc.absorb(member(0, [0.0, 0.0], 2.0), 0, false, g());
        inc.absorb(member(1, [0.0, 0.0], 2.0), 1, false, g());
        inc.absorb(member(2, [0.0, 0.0], 2.0), 2, false, g());
        // Worse values but less violation: replaces all three.
        assert!(inc.absorb(member(3, [5.0, 5.0], 1.0), 0, false, g()));
        assert_eq!(numbers(&inc), vec![Some(3); 3]);
        // Feasible with bad values beats infeasible.
        assert!(inc.absorb(member(4, [9.0, 9.0], 0.0), 0, false, g()));
        assert_eq!(numbers(&inc), vec![Some(4); 3]);
        // Infeasible never beats feasible.
        assert!(!inc.absorb(member(5, [-1.0, -1.0], 0.5), 0, false, g()));
    }
}
