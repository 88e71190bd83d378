//! Fingerprints of parameter vectors, to avoid handing out a vector twice.
//!
//! A fingerprint is a 64-bit hash of the `(name, internal value)` pairs sorted by name;
//! two vectors that differ get the same one with probability about 2⁻⁶⁴, so a set of
//! fingerprints stands in for a set of vectors at 8 bytes each.

use crate::frozen::TrialParam;
use crate::sampler::random::name_hash;

/// SplitMix64's finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The fingerprint of `(name, value)` pairs, which must be sorted by name.
pub(crate) fn of_sorted<'a>(pairs: impl Iterator<Item = (&'a str, f64)>) -> u64 {
    pairs.fold(0x6A09_E667_F3BC_C909, |h, (name, x)| {
        // -0.0 and 0.0 are the same value.
        let x = if x == 0.0 { 0.0 } else { x };
        mix(mix(h ^ name_hash(name)) ^ x.to_bits())
    })
}

/// The fingerprint of a trial's parameters (in any order).
pub(crate) fn of_params(params: &[TrialParam]) -> u64 {
    let mut sorted: Vec<&TrialParam> = params.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    of_sorted(sorted.into_iter().map(|p| (p.name.as_str(), p.internal)))
}
