//! Removing dominated rows from a temporary point set in shifted coordinates.
//!
//! The recursive kernels shrink every limited set to its non-dominated part before
//! recursing: the volume does not change, but the sets to recurse on get much smaller
//! (While, Bradstreet & Barone 2012, §III). Rows are visited by decreasing coordinate sum:
//! a row that weakly dominates another has a sum at least as large (rounded addition is
//! monotone), so it is met first, and each row needs comparing only with the rows kept so
//! far. A rounding tie may leave a dominated row in place, which costs time but never
//! changes a volume.

/// Reusable buffers of [`filter`].
#[derive(Debug, Default)]
pub(super) struct Scratch {
    keys: Vec<(f64, u32)>,
    out: Vec<f64>,
}

/// Keeps in `rows` (stride `d`) only the rows not weakly dominated by a kept row, so
/// duplicates keep one copy. Larger is better in every coordinate.
pub(super) fn filter(rows: &mut Vec<f64>, d: usize, scratch: &mut Scratch) {
    let n = rows.len() / d;
    if n < 2 {
        return;
    }
    let Scratch { keys, out } = scratch;
    keys.clear();
    keys.extend(
        rows.chunks_exact(d)
            .enumerate()
            .map(|(i, r)| (r.iter().sum::<f64>(), i as u32)),
    );
    keys.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    out.clear();
    for &(_, i) in keys.iter() {
        let p = &rows[i as usize * d..(i as usize + 1) * d];
        let covered = out
            .chunks_exact(d)
            .any(|q| q.iter().zip(p).all(|(qj, pj)| qj >= pj));
        if !covered {
            out.extend_from_slice(p);
        }
    }
    std::mem::swap(rows, out);
}
