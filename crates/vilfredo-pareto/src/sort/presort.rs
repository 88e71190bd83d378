//! Lexicographic presort and duplicate merging shared by every sorting algorithm.
//!
//! Every fast algorithm in [`super`] starts the same way: order the points
//! lexicographically over all objectives, merge equal points into one representative, and
//! copy the distinct points, in that order, into a compact row-major buffer.
//! After this step two facts make the rest simple:
//!
//! - distinct points never compare equal, so "dominates" becomes "weakly dominates";
//! - a point can only be dominated by a point that comes earlier in the order, so the
//!   first objective is implied by the position and never needs comparing again.
//!
//! The first objective is sorted by one bucket pass on order-preserving integer keys
//! (an MSD radix step, buckets finished by comparison), and only runs of equal first
//! values are then compared on the other objectives. `-0.0` is mapped to `+0.0` first,
//! because dominance compares with `<` and `<=`, for which the two zeros are equal.
//!
//! Indices are stored as `u32`, so a set is limited to 2³² − 1 points (32 GiB of
//! coordinates per objective), far beyond what these kernels are used for.

/// Points ordered lexicographically, with equal points merged.
#[derive(Debug, Default)]
pub(crate) struct Distinct {
    /// Number of objectives.
    pub m: usize,
    /// Row-major coordinates of the distinct points, in lexicographic order.
    pub pts: Vec<f64>,
    /// `order[pos]` is the original index of the point at position `pos` of the
    /// lexicographic order (duplicates included).
    pub order: Vec<u32>,
    /// `group[pos]` is the distinct-point index of the point at position `pos`.
    pub group: Vec<u32>,
}

impl Distinct {
    /// Number of distinct points.
    #[inline]
    pub fn len(&self) -> usize {
        self.pts.len() / self.m.max(1)
    }

    /// Coordinates of distinct point `i`.
    #[inline]
    pub fn row(&self, i: usize) -> &[f64] {
        &self.pts[i * self.m..(i + 1) * self.m]
    }

    /// Spreads a value per distinct point back to the original points.
    pub fn scatter<T: Copy>(&self, per_distinct: &[T]) -> Vec<T> {
        let Some(&first) = per_distinct.first() else {
            return Vec::new();
        };
        let mut out = vec![first; self.order.len()];
        for (&i, &g) in self.order.iter().zip(&self.group) {
            out[i as usize] = per_distinct[g as usize];
        }
        out
    }
}

/// Maps a finite `f64` to a `u64` whose unsigned order is the numeric order.
///
/// Both zeros map to the same key.
#[inline]
pub(crate) fn key(x: f64) -> u64 {
    let bits = (x + 0.0).to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Sorts `(key, payload)` pairs by key, then payload.
///
/// One counting pass distributes the pairs into about `n` buckets of equal key width
/// between the smallest and largest key (an MSD radix step), and each bucket, usually a
/// handful of pairs, is finished by comparison sort. Skewed keys only make some buckets
/// larger, which the comparison sort handles in O(b log b).
pub(crate) fn radix_sort(items: &mut Vec<(u64, u32)>, scratch: &mut Vec<(u64, u32)>) {
    let n = items.len();
    if n < 256 {
        items.sort_unstable();
        return;
    }
    let (mut lo, mut hi) = (u64::MAX, 0u64);
    for &(k, _) in items.iter() {
        lo = lo.min(k);
        hi = hi.max(k);
    }
    if lo == hi {
        items.sort_unstable_by_key(|&(_, i)| i);
        return;
    }
    let log_buckets = usize::BITS - (n - 1).leading_zeros();
    let range_bits = u64::BITS - (hi - lo).leading_zeros();
    let shift = range_bits.saturating_sub(log_buckets);
    let n_buckets = (((hi - lo) >> shift) + 1) as usize;
    let mut start = vec![0u32; n_buckets + 1];
    for &(k, _) in items.iter() {
        start[((k - lo) >> shift) as usize + 1] += 1;
    }
    for b in 0..n_buckets {
        start[b + 1] += start[b];
    }
    scratch.clear();
    scratch.resize(n, (0, 0));
    let mut next = start.clone();
    for &item in items.iter() {
        let b = ((item.0 - lo) >> shift) as usize;
        scratch[next[b] as usize] = item;
        next[b] += 1;
    }
    for b in 0..n_buckets {
        let (s, e) = (start[b] as usize, start[b + 1] as usize);
        if e - s > 16 {
            scratch[s..e].sort_unstable();
        } else if e - s > 1 {
            insertion_sort(&mut scratch[s..e]);
        }
    }
    std::mem::swap(items, scratch);
}

/// Insertion sort, faster than a general sort on the tiny buckets of [`radix_sort`].
#[inline]
fn insertion_sort(v: &mut [(u64, u32)]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Lexicographic comparison of two rows, with `-0.0 == +0.0`.
#[inline]
pub(crate) fn lex_cmp(a: &[f64], b: &[f64]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        match x.partial_cmp(y) {
            Some(std::cmp::Ordering::Equal) | None => {}
            Some(o) => return o,
        }
    }
    std::cmp::Ordering::Equal
}

/// Returns the indices `0..n` of the rows of `data` (row-major, `m` columns) in
/// lexicographic order; equal rows keep their input order.
pub(crate) fn lex_order(data: &[f64], m: usize) -> Vec<u32> {
    let n = data.len() / m;
    let mut items: Vec<(u64, u32)> = (0..n).map(|i| (key(data[i * m]), i as u32)).collect();
    let mut scratch = Vec::new();
    radix_sort(&mut items, &mut scratch);
    let mut order: Vec<u32> = items.iter().map(|&(_, i)| i).collect();
    if m > 1 {
        // Only runs of equal first values need the other objectives.
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && items[end].0 == items[start].0 {
                end += 1;
            }
            if end - start > 1 {
                order[start..end].sort_by(|&a, &b| {
                    let (a, b) = (a as usize, b as usize);
                    lex_cmp(&data[a * m + 1..(a + 1) * m], &data[b * m + 1..(b + 1) * m])
                });
            }
            start = end;
        }
    }
    order
}

/// Orders `data` lexicographically and merges equal rows.
pub(crate) fn distinct(data: &[f64], m: usize) -> Distinct {
    let n = data.len() / m;
    let order = lex_order(data, m);
    let mut pts: Vec<f64> = Vec::with_capacity(n * m);
    let mut group = Vec::with_capacity(n);
    let mut count = 0usize;
    for &i in &order {
        let i = i as usize;
        let row = &data[i * m..(i + 1) * m];
        let same = count > 0 && {
            let last = &pts[(count - 1) * m..count * m];
            last.iter().zip(row).all(|(x, y)| x == y)
        };
        if !same {
            pts.extend(row.iter().map(|&v| v + 0.0));
            count += 1;
        }
        group.push((count - 1) as u32);
    }
    Distinct {
        m,
        pts,
        order,
        group,
    }
}

/// Dense ranks of column `j` of the distinct points: equal values share a rank, and a
/// smaller value has a smaller rank. Returns the ranks and the number of distinct values.
pub(crate) fn dense_ranks(d: &Distinct, j: usize) -> (Vec<u32>, usize) {
    let u = d.len();
    let m = d.m;
    let mut items: Vec<(u64, u32)> = (0..u).map(|i| (key(d.pts[i * m + j]), i as u32)).collect();
    let mut scratch = Vec::new();
    radix_sort(&mut items, &mut scratch);
    let mut ranks = vec![0u32; u];
    let mut r = 0u32;
    for (pos, &(k, i)) in items.iter().enumerate() {
        if pos > 0 && k != items[pos - 1].0 {
            r += 1;
        }
        ranks[i as usize] = r;
    }
    (ranks, if u == 0 { 0 } else { r as usize + 1 })
}
