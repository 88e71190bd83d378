//! Random selection: parents drawn uniformly with replacement, the selection of
//! algorithms whose pressure comes from survival alone (for example SMS-EMOA's
//! steady state or MOEA/D's neighbourhoods).

use vilfredo_core::rng::SplitMix64;

/// Appends `n_select` indices drawn uniformly from `0..n` to `out` (nothing if `n` is 0).
pub fn random_selection(n: usize, n_select: usize, rng: &mut SplitMix64, out: &mut Vec<usize>) {
    if n == 0 {
        return;
    }
    out.extend((0..n_select).map(|_| rng.below(n as u64) as usize));
}
