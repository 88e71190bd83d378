//! The random decisions tied to a trial number, so that every process takes them alike.
//!
//! The steady-state MOEA/D assigns trial `k` to a subproblem, decides whether its mating
//! (and later its replacement) pool is the neighbourhood or everyone, and orders that
//! pool for replacement. Each decision is a function of the seed and the trial number
//! alone, never of the order of calls: the state rebuilt by replaying the finished trials
//! of a storage is then the same in every worker, in a resumed study and in a single
//! process.

use vilfredo_core::rng::SplitMix64;

/// Which decision a keyed generator serves (kept apart so that they are independent).
#[derive(Debug, Clone, Copy)]
#[repr(u64)]
pub(crate) enum Purpose {
    /// The permutation of the subproblems for one cycle.
    Cycle = 0x5EED_C1C1_E000_0001,
    /// Whether a trial's pool is the neighbourhood.
    Mating = 0x5EED_3A71_0000_0002,
    /// The order in which a trial tries to replace incumbents.
    Replacement = 0x5EED_9E91_0000_0003,
    /// Parent choice and variation of a trial's child.
    Breeding = 0x5EED_B9EE_D000_0004,
}

/// A generator determined by (seed, purpose, key).
pub(crate) fn keyed(seed: u64, purpose: Purpose, key: u64) -> SplitMix64 {
    let mut g = SplitMix64::new(seed ^ purpose as u64);
    SplitMix64::new(g.next_u64() ^ key.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The subproblem of each trial: trials `c·n … c·n + n − 1` visit the `n` subproblems
/// in a seeded permutation of cycle `c`, so every subproblem gets one trial per cycle
/// (Zhang & Li's generation, without waiting for it to end).
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    seed: u64,
    n: usize,
    /// The last cycle's permutation, cached.
    cycle: Option<(u64, Vec<usize>)>,
}

impl Schedule {
    /// The schedule of `n ≥ 1` subproblems.
    pub fn new(seed: u64, n: usize) -> Self {
        Self {
            seed,
            n: n.max(1),
            cycle: None,
        }
    }

    /// The subproblem of trial `number`.
    pub fn subproblem(&mut self, number: u64) -> usize {
        let n = self.n as u64;
        let (c, pos) = (number / n, (number % n) as usize);
        match &self.cycle {
            Some((cached, perm)) if *cached == c => perm[pos],
            _ => {
                let mut perm: Vec<usize> = (0..self.n).collect();
                let mut g = keyed(self.seed, Purpose::Cycle, c);
                for i in (1..self.n).rev() {
                    let j = g.below(i as u64 + 1) as usize;
                    perm.swap(i, j);
                }
                let s = perm[pos];
                self.cycle = Some((c, perm));
                s
            }
        }
    }

    /// Whether trial `number` mates (and replaces) over all subproblems rather than its
    /// neighbourhood: with probability `1 − δ`.
    pub fn global(&self, number: u64, prob_neighbor_mating: f64) -> bool {
        keyed(self.seed, Purpose::Mating, number).next_f64() >= prob_neighbor_mating
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cycle_visits_every_subproblem_once() {
        let mut s = Schedule::new(3, 7);
        for c in 0..4u64 {
            let mut seen: Vec<usize> = (0..7).map(|k| s.subproblem(c * 7 + k)).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..7).collect::<Vec<_>>());
        }
        // Asked out of order, the answer is the same.
        let forward: Vec<usize> = (0..21).map(|k| s.subproblem(k)).collect();
        let backward: Vec<usize> = (0..21).rev().map(|k| s.subproblem(k)).collect();
        assert_eq!(forward, backward.into_iter().rev().collect::<Vec<_>>());
        assert_ne!(forward[..7], forward[7..14]);
    }

    #[test]
    fn mating_pools_follow_delta() {
        let s = Schedule::new(1, 10);
        let global = (0..10_000).filter(|&k| s.global(k, 0.9)).count();
        assert!((800..1200).contains(&global), "{global}");
        assert!((0..100).all(|k| !s.global(k, 1.0)));
    }
}
