//! Exclusive contributions in two objectives, O(n log n) after the shared reduction.
//!
//! On the front sorted by the first objective (second objective descending), the region
//! dominated by front point `i` and by no other front point is the rectangle
//! `[x_i, x_{i+1}) × [y_i, y_{i−1})`, with `r` standing in for missing neighbours
//! (Emmerich, Beume & Naujoks, "An EMO algorithm using the hypervolume measure as selection
//! criterion", EMO 2005). Private dominated points of `i` lie inside that rectangle; the
//! area they leave uncovered is summed strip by strip, so no subtraction of large areas
//! ever happens and the result keeps full relative precision.

use super::Reduced;

/// Contributions of the front points of `red` (two objectives), in front order.
pub(super) fn contributions(red: &Reduced, r: &[f64]) -> Vec<f64> {
    let k = red.len();
    let mut out = Vec::with_capacity(k);
    let mut steps: Vec<[f64; 2]> = Vec::new();
    for i in 0..k {
        let (x, y) = (red.front[2 * i], red.front[2 * i + 1]);
        let right = if i + 1 < k {
            red.front[2 * i + 2]
        } else {
            r[0]
        };
        let top = if i > 0 { red.front[2 * i - 1] } else { r[1] };
        let (w, h) = (right - x, top - y);
        let private = &red.private[i];
        if private.is_empty() {
            out.push(w * h);
            continue;
        }
        // Staircase of the private points, in coordinates local to (x, y).
        steps.clear();
        steps.extend(
            private
                .chunks_exact(2)
                .map(|q| [q[0] - x, q[1] - y])
                .filter(|q| q[0] < w && q[1] < h),
        );
        steps.sort_unstable_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
        let mut area = 0.0;
        let mut low = h; // the lowest private y so far: above it the strip is covered.
        let mut left = 0.0;
        for s in &steps {
            if s[1] < low {
                area += (s[0] - left) * low;
                left = s[0];
                low = s[1];
            }
        }
        area += (w - left) * low;
        out.push(area);
    }
    out
}
