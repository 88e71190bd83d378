//! Duplicate detection for decision vectors, as pymoo's `eliminate_duplicates`: an
//! offspring equal to a member of the population or to an earlier offspring wastes an
//! evaluation and, once selected, crowds the front with copies.
//!
//! Rows are compared exactly (with `-0.0 == 0.0`), through a 64-bit hash of their bits.
//! Only the first row seen with a given hash is kept for comparison, so a hash collision
//! between two different rows (odds about 2^-64 per pair) can only let a later copy of
//! the second row through, never reject a new row.

use std::collections::HashMap;

/// Remembers rows and tells whether a new row equals one remembered.
#[derive(Debug, Clone, Default)]
pub struct DuplicateFilter {
    n_var: usize,
    rows: Vec<f64>,
    first: HashMap<u64, u32>,
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

    /// Remembers `row` unless it equals a row already remembered; returns whether it was
    /// new. `row` must have `n_var` values.
    pub fn insert(&mut self, row: &[f64]) -> bool {
        let h = hash_row(row);
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

/// A 64-bit hash of the bits of a row (`-0.0` hashed as `0.0`), mixing each value with
/// the SplitMix64 finaliser.
fn hash_row(row: &[f64]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64;
    for &v in row {
        let bits = (v + 0.0).to_bits();
        h = (h ^ bits).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}
