//! Two-objective hypervolume by sorting and sweeping, `O(n log n)`.
//!
//! Works in shifted coordinates `u = r − x > 0` (see the module guide): the covered region
//! is `⋃ [0, u0] × [0, u1]`. Sorting by `u0` from large to small and keeping the highest
//! `u1` seen so far, each point that raises that height adds the horizontal slab
//! `[0, u0] × [height, u1]`. Slabs are disjoint and every term is a product of
//! non-negative numbers, so the sum has no cancellation. Dominated points and duplicates
//! add nothing.

/// The area of `⋃ [0, u]` over the rows of `u` (stride 2, every value > 0).
///
/// `order` is scratch space reused between calls.
pub(super) fn area(u: &[f64], order: &mut Vec<(f64, f64)>) -> f64 {
    order.clear();
    order.extend(u.chunks_exact(2).map(|p| (p[0], p[1])));
    // Ties in u0 are broken by u1, larger first, so that among equal u0 only the highest
    // point counts; that is also what the sweep would do without the tie-break.
    order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut height = 0.0;
    let mut sum = 0.0;
    for &(w, h) in order.iter() {
        if h > height {
            sum += w * (h - height);
            height = h;
        }
    }
    sum
}
