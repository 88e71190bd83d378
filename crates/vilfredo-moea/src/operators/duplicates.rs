//! Duplicate detection for decision vectors, as pymoo's `eliminate_duplicates`: an
//! offspring equal to a member of the population or to an earlier offspring wastes an
//! evaluation and, once selected, crowds the front with copies.
//!
//! Rows are compared exactly (with `-0.0 == 0.0`), through a 64-bit hash of their bits.
//! Only the first row seen with a given hash is kept for comparison, so a hash collision
//! between two different rows (odds about 2^-64 per pair) can only let a later copy of
//! the second row through, never reject a new row.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Remembers rows and tells whether a new row equals one remembered.
#[derive(Debug, Clone, Default)]
pub struct DuplicateFilter {
    n_var: usize,
    rows: Vec<f64>,
    first: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
}

impl DuplicateFilter {
    /// An empty filter for rows of `n_var` values.
    pub fn new(n_var: usize) -> Self {
        Self {
            n_var,
            ..Self::default()
        }
    }

    /// Forgets every row, keeping the memory.
    pub fn clear(&mut self) {
        self.rows.clear();
        self.first.clear();
    }

    /// Forgets every row and takes rows of `n_var` values from now on, keeping the memory.
    pub fn reset(&mut self, n_var: usize) {
        self.clear();
        self.n_var = n_var;
    }

    /// Remembers `row` unless it equals a row already remembered; returns whether it was
    /// new. A row that does not have `n_var` values is reported as new and not
    /// remembered.
    pub fn insert(&mut self, row: &[f64]) -> bool {
        if row.len() != self.n_var {
            return true;
        }
        self.insert_hashed(row, hash_row(row))
    }

    /// [`DuplicateFilter::insert`] for a row whose [`hash_row`] is already known.
    pub(crate) fn insert_hashed(&mut self, row: &[f64], h: u64) -> bool {
        if row.len() != self.n_var {
            return true;
        }
        let idx = (self.rows.len() / self.n_var.max(1)) as u32;
        match self.first.get(&h) {
            Some(&j) => {
                let j = j as usize;
                let seen = &self.rows[j * self.n_var..(j + 1) * self.n_var];
                if seen.iter().zip(row).all(|(a, b)| a == b) {
                    return false;
                }
            }
            None => {
                self.first.insert(h, idx);
            }
        }
        self.rows.extend_from_slice(row);
        true
    }
}

/// A 64-bit hash of the bits of a row (`-0.0` hashed as `0.0`): four independent
/// multiply–xorshift lanes (so the multiplications overlap instead of forming one long
/// chain), folded together and finished with the SplitMix64 finaliser.
pub(crate) fn hash_row(row: &[f64]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut lanes = [
        0x243F_6A88_85A3_08D3u64,
        0x1319_8A2E_0370_7344,
        0xA409_3822_299F_31D0,
        0x082E_FA98_EC4E_6C89,
    ];
    let mut chunks = row.chunks_exact(4);
    for c in &mut chunks {
        for (lane, &v) in lanes.iter_mut().zip(c) {
            let h = (*lane ^ (v + 0.0).to_bits()).wrapping_mul(K);
            *lane = h ^ (h >> 29);
        }
    }
    for (lane, &v) in lanes.iter_mut().zip(chunks.remainder()) {
        let h = (*lane ^ (v + 0.0).to_bits()).wrapping_mul(K);
        *lane = h ^ (h >> 29);
    }
    let mut h = (row.len() as u64).wrapping_mul(K);
    for lane in lanes {
        h = (h ^ lane)
            .wrapping_mul(0xBF58_476D_1CE4_E5B9)
            .rotate_left(31);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// The keys are already well-mixed 64-bit hashes, so the map uses them as they are
/// instead of hashing them again with SipHash.
#[derive(Debug, Clone, Copy, Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used by `HashMap<u64, _>`; fold anything else in anyway.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
