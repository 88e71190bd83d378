//! Fingerprints of parameter vectors, to avoid handing out a vector twice.
//!
//! A fingerprint is a 64-bit hash of the `(name, internal value)` pairs sorted by name;
//! two vectors that differ get the same one with probability about 2⁻⁶⁴, so a set of
//! fingerprints stands in for a set of vectors at 8 bytes each.

use crate::distribution::{Choice, Distribution};
use crate::frozen::TrialParam;
use crate::sampler::random::name_hash;

/// SplitMix64's finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The fingerprint of `(name hash, value)` pairs, which must be sorted by name.
pub(crate) fn of_hashed(pairs: impl Iterator<Item = (u64, f64)>) -> u64 {
    pairs.fold(0x6A09_E667_F3BC_C909, |h, (name, x)| {
        // -0.0 and 0.0 are the same value.
        let x = if x == 0.0 { 0.0 } else { x };
        mix(mix(h ^ name) ^ x.to_bits())
    })
}

/// The fingerprint of a trial's parameters (in any order).
pub(crate) fn of_params(params: &[TrialParam]) -> u64 {
    let mut sorted: Vec<&TrialParam> = params.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    of_hashed(sorted.into_iter().map(|p| (name_hash(&p.name), p.internal)))
}

/// A hash of a distribution's definition.
fn of_distribution(d: &Distribution) -> u64 {
    match d {
        Distribution::Float {
            low,
            high,
            log,
            step,
        } => [
            1,
            low.to_bits(),
            high.to_bits(),
            u64::from(*log),
            step.map_or(0, f64::to_bits),
        ]
        .into_iter()
        .fold(0, |h, x| mix(h ^ x)),
        Distribution::Int {
            low,
            high,
            log,
            step,
        } => [2, *low as u64, *high as u64, u64::from(*log), *step as u64]
            .into_iter()
            .fold(0, |h, x| mix(h ^ x)),
        Distribution::Categorical { choices } => choices.iter().fold(3, |h, c| {
            let x = match c {
                Choice::None => 0,
                Choice::Bool(b) => mix(1 ^ u64::from(*b)),
                Choice::Int(i) => mix(2 ^ *i as u64),
                Choice::Float(f) => mix(3 ^ f.to_bits()),
                Choice::Str(s) => mix(4 ^ name_hash(s)),
            };
            mix(h ^ x)
        }),
    }
}

/// A hash of the names and distributions of a trial's parameters (in any order).
pub(crate) fn of_space(params: &[TrialParam]) -> u64 {
    let mut sorted: Vec<&TrialParam> = params.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.into_iter().fold(0x243F_6A88_85A3_08D3, |h, p| {
        mix(mix(h ^ name_hash(&p.name)) ^ of_distribution(&p.distribution))
    })
}
