//! Exclusive contributions in two objectives: one sort and one pass, O(n log n).
//!
//! On the front sorted by the first objective (second objective descending), the region
//! dominated by front point `i` and by no other front point is the rectangle
//! `[x_i, x_{i+1}) × [y_i, y_{i−1})`, with `r` standing in for missing neighbours
//! (Emmerich, Beume & Naujoks, "An EMO algorithm using the hypervolume measure as selection
//! criterion", EMO 2005). A dominated point lies inside that rectangle exactly when `i` is
//! its only dominator on the front; its box is then carved out of the rectangle. The area
//! left is summed strip by strip in coordinates local to the point, so no large areas are
//! ever subtracted and each result keeps full relative precision.
//!
//! Points are visited in lexicographic order, so a point's dominators come before it. A
//! point with exactly one dominator on the front so far is dominated by the *last* front
//! point (the front's y values descend), hence each front point's private points arrive in
//! one contiguous run, already sorted by x: no per-point lists or second sort are needed.

/// Contributions of every row of `data` (two objectives), in input order.
pub(super) fn contributions(data: &[f64], r: &[f64], ignore_dominated: bool) -> Vec<f64> {
    let n = data.len() / 2;
    let mut pts: Vec<(f64, f64, usize)> = data
        .chunks_exact(2)
        .enumerate()
        .filter(|(_, p)| p[0] < r[0] && p[1] < r[1])
        .map(|(i, p)| (p[0], p[1], i))
        .collect();
    pts.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.total_cmp(&b.1)));

    // Front points (x, y, input row, has copies) and, for each, where its run of private
    // points starts in `private`.
    let mut front: Vec<(f64, f64, usize, bool)> = Vec::new();
    let mut run_start: Vec<usize> = Vec::new();
    let mut private: Vec<[f64; 2]> = Vec::new();
    let mut i = 0;
    while i < pts.len() {
        let (x, y, id) = pts[i];
        let mut j = i + 1;
        while j < pts.len() && pts[j].0 == x && pts[j].1 == y {
            j += 1;
        }
        // Every front point has x' ≤ x; the ones with y' ≤ y (a suffix) dominate (x, y).
        let dominators = match front.last() {
            // Fast path: below the whole front, as on a front-shaped input.
            Some(last) if last.1 > y => 0,
            None => 0,
            _ => front.len() - front.partition_point(|f| f.1 > y),
        };
        match dominators {
            0 => {
                front.push((x, y, id, j - i > 1));
                run_start.push(private.len());
            }
            1 if !ignore_dominated => private.push([x, y]),
            _ => {}
        }
        i = j;
    }

    let mut out = vec![0.0; n];
    let k = front.len();
    for (f, &(x, y, id, copies)) in front.iter().enumerate() {
        if copies {
            continue;
        }
        let right = if f + 1 < k { front[f + 1].0 } else { r[0] };
        let top = if f > 0 { front[f - 1].1 } else { r[1] };
        let end = run_start.get(f + 1).copied().unwrap_or(private.len());
        // Strips between successive improvements of the lowest private y seen so far.
        let mut area = 0.0;
        let mut left = 0.0;
        let mut low = top - y;
        for s in &private[run_start[f]..end] {
            let (sx, sy) = (s[0] - x, s[1] - y);
            if sy < low {
                area += (sx - left) * low;
                left = sx;
                low = sy;
            }
        }
        out[id] = area + (right - x - left) * low;
    }
    out
}
