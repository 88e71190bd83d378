//! Any number of objectives: divide-and-conquer ranking in O(N log^(M-1) N).
//!
//! This is the generalised Jensen algorithm (Jensen 2003, "Reducing the run-time
//! complexity of multiobjective EAs", IEEE TEVC 7(5); corrected for ties by Fortin,
//! Grenier & Parizeau 2013, "Generalizing the improved run-time complexity algorithm for
//! non-dominated sorting", GECCO) in the form of Buzdalov & Shalyto (2014), "A provably
//! asymptotically fast version of the generalized Jensen algorithm for non-dominated
//! sorting", PPSN XIII, which splits every set three ways around the median so that
//! equal values never break the complexity bound.
//!
//! The input is the distinct points in lexicographic order (see `presort`), so the first
//! objective is replaced by the position: `q` dominates `p` exactly when `q` comes first
//! and `q <= p` in objectives `1..M`. Index lists are always kept in increasing position.
//!
//! - `rank_all(S, k)` gives the final ranks of the points of `S` using objectives `1..=k`,
//!   assuming every dominator outside `S` has already been accounted for;
//! - `update(L, H, k)` raises the ranks of `H` using the (final) ranks of `L`, for pairs
//!   whose objectives above `k` are already known to be ordered.
//!
//! Both recurse on the median of objective `k` and bottom out in a sweep on objective 1
//! (a staircase of (value, rank) pairs) or in pairwise comparison for small sets.
//!
//! With `cap = 1` the same recursion computes the non-dominated filter; points already
//! known to be dominated are then dropped from every comparison, which is valid because
//! whatever they dominate is also dominated by their own non-dominated dominators. In
//! that mode the recursion also stops one level earlier, at two remaining objectives,
//! with the staircase sweep of Kung, Luccio & Preparata (1975).
//!
//! The brute-force cutoffs were tuned on uniform and spherical data with 5 and 10
//! objectives (10⁴ to 10⁵ points).

use super::presort::Distinct;
use super::rank3d::{MOVE_BUDGET_PER_POINT, covers, insert};

/// Below this size `rank_all` compares all pairs.
const BRUTE_ALL: usize = 64;
/// Below this product of sizes `update` compares all pairs.
const BRUTE_UPDATE: usize = 4096;

/// Ranks (capped at `cap`) of the distinct points of `d`.
pub(crate) fn rank(d: &Distinct, cap: usize) -> Vec<usize> {
    let u = d.len();
    let mut cols = vec![0.0; d.pts.len()];
    for (i, row) in d.pts.chunks_exact(d.m).enumerate() {
        for (k, &v) in row.iter().enumerate() {
            cols[k * u + i] = v;
        }
    }
    let mut dc = Dc {
        pts: &d.pts,
        cols,
        u,
        m: d.m,
        rank: vec![0; u],
        cap,
        vals: Vec::new(),
        tmp: Vec::new(),
        tmp_hi: Vec::new(),
        stairs: Vec::new(),
        stairs3: Vec::new(),
    };
    let mut all: Vec<u32> = (0..u as u32).collect();
    if d.m >= 2 {
        dc.rank_all(&mut all, d.m - 1);
    }
    dc.rank
}

/// A staircase of (value, rank) pairs: values increasing, ranks strictly increasing.
///
/// `best_rank_at_most(v)` is the highest rank among entries with value `<= v`.
#[derive(Default)]
struct Stairs {
    items: Vec<(f64, usize)>,
}

impl Stairs {
    #[inline]
    fn best_at_most(&self, v: f64) -> Option<usize> {
        let idx = self.items.partition_point(|e| e.0 <= v);
        if idx == 0 {
            None
        } else {
            Some(self.items[idx - 1].1)
        }
    }

    #[inline]
    fn insert(&mut self, v: f64, r: usize) {
        let idx = self.items.partition_point(|e| e.0 <= v);
        if idx > 0 && self.items[idx - 1].1 >= r {
            return;
        }
        let start = if idx > 0 && self.items[idx - 1].0 == v {
            idx - 1
        } else {
            idx
        };
        let mut end = idx;
        while end < self.items.len() && self.items[end].1 <= r {
            end += 1;
        }
        if start == end {
            self.items.insert(start, (v, r));
        } else {
            self.items[start] = (v, r);
            self.items.drain(start + 1..end);
        }
    }
}

struct Dc<'a> {
    /// Row-major coordinates, for comparing two points.
    pts: &'a [f64],
    /// Column-major coordinates, for scanning one objective over many points.
    cols: Vec<f64>,
    /// Number of points.
    u: usize,
    m: usize,
    rank: Vec<usize>,
    cap: usize,
    /// Scratch for medians; never held across a recursive call.
    vals: Vec<f64>,
    /// Scratch for partitions and merges; never held across a recursive call.
    tmp: Vec<u32>,
    /// Second scratch for partitions; never held across a recursive call.
    tmp_hi: Vec<u32>,
    /// Scratch for sweeps.
    stairs: Vec<(f64, usize)>,
    /// Scratch for the filter-mode sweeps on two objectives.
    stairs3: Vec<(f64, f64)>,
}

impl Dc<'_> {
    #[inline]
    fn val(&self, i: u32, k: usize) -> f64 {
        self.cols[k * self.u + i as usize]
    }

    /// `a <= b` in objectives `1..=k`.
    #[inline]
    fn weakly_le(&self, a: u32, b: u32, k: usize) -> bool {
        let m = self.m;
        let pa = &self.pts[a as usize * m + 1..a as usize * m + k + 1];
        let pb = &self.pts[b as usize * m + 1..b as usize * m + k + 1];
        super::sfs::weakly_le(pa, pb)
    }

    #[inline]
    fn raise(&mut self, h: u32, from: usize) {
        let r = (from + 1).min(self.cap);
        if self.rank[h as usize] < r {
            self.rank[h as usize] = r;
        }
    }

    #[inline]
    fn done(&self, i: u32) -> bool {
        self.rank[i as usize] >= self.cap
    }

    /// Median of objective `k` over the points of `a` and `b`.
    fn median(&mut self, a: &[u32], b: &[u32], k: usize) -> f64 {
        let mut vals = std::mem::take(&mut self.vals);
        vals.clear();
        vals.extend(a.iter().chain(b).map(|&i| self.val(i, k)));
        let mid = vals.len() / 2;
        let (_, med, _) = vals.select_nth_unstable_by(mid, f64::total_cmp);
        let med = *med;
        self.vals = vals;
        med
    }

    /// Stable three-way partition of `s` by objective `k` around `med`; returns the sizes
    /// of the lower and equal parts.
    fn split3(&mut self, s: &mut [u32], k: usize, med: f64) -> (usize, usize) {
        let mut lo = std::mem::take(&mut self.tmp);
        let mut hi = std::mem::take(&mut self.tmp_hi);
        lo.clear();
        hi.clear();
        // Equal values are rare: count them and write them in place as they come, behind
        // the lower ones, which are only copied back at the end.
        let mut n_eq = 0;
        for idx in 0..s.len() {
            let i = s[idx];
            let v = self.val(i, k);
            if v < med {
                lo.push(i);
            } else if v > med {
                hi.push(i);
            } else {
                s[n_eq] = i;
                n_eq += 1;
            }
        }
        let n_lo = lo.len();
        s.copy_within(..n_eq, n_lo);
        s[..n_lo].copy_from_slice(&lo);
        s[n_lo + n_eq..].copy_from_slice(&hi);
        self.tmp = lo;
        self.tmp_hi = hi;
        (n_lo, n_eq)
    }

    /// Merges the sorted runs `s[..a]` and `s[a..]` in place (through the scratch).
    fn merge(&mut self, s: &mut [u32], a: usize) {
        if a == 0 || a == s.len() || s[a - 1] < s[a] {
            return;
        }
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        let (x, y) = s.split_at(a);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            if x[i] < y[j] {
                tmp.push(x[i]);
                i += 1;
            } else {
                tmp.push(y[j]);
                j += 1;
            }
        }
        tmp.extend_from_slice(&x[i..]);
        tmp.extend_from_slice(&y[j..]);
        s.copy_from_slice(&tmp);
        self.tmp = tmp;
    }

    fn rank_all(&mut self, s: &mut [u32], k: usize) {
        let n = s.len();
        if n < 2 {
            return;
        }
        if k == 1 {
            self.sweep_all(s);
            return;
        }
        if k == 2 && self.cap == 1 && self.filter_sweep(s, &[]) {
            return;
        }
        if n <= BRUTE_ALL {
            for j in 1..n {
                for i in 0..j {
                    let (a, b) = (s[i], s[j]);
                    let ra = self.rank[a as usize];
                    if ra >= self.rank[b as usize] && !self.done(b) && self.weakly_le(a, b, k) {
                        self.raise(b, ra);
                    }
                }
            }
            return;
        }
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &i in s.iter() {
            let v = self.val(i, k);
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if lo == hi {
            self.rank_all(s, k - 1);
            return;
        }
        let med = self.median(s, &[], k);
        let (nl, ne) = self.split3(s, k, med);
        {
            let (l, rest) = s.split_at_mut(nl);
            let (e, _) = rest.split_at_mut(ne);
            self.rank_all(l, k);
            self.update(l, e, k - 1);
            self.rank_all(e, k - 1);
        }
        {
            let (le, h) = s.split_at_mut(nl + ne);
            self.merge(le, nl);
            self.update(le, h, k - 1);
            self.rank_all(h, k);
        }
        self.merge(s, nl + ne);
    }

    /// Filter mode, objectives 1 and 2: one sweep in position order with a staircase of
    /// the (objective 1, objective 2) pairs of the points not known to be dominated, as
    /// in Kung, Luccio & Preparata (1975). With `h` empty, `l` is both the dominators
    /// and the points tested (`rank_all`); otherwise `l` dominates `h` (`update`).
    ///
    /// Returns `false`, leaving the work to the recursion, when the staircase costs more
    /// moves than its budget; the marks made until then are all correct.
    fn filter_sweep(&mut self, l: &[u32], h: &[u32]) -> bool {
        let mut stairs = std::mem::take(&mut self.stairs3);
        stairs.clear();
        let mut budget = MOVE_BUDGET_PER_POINT * (l.len() + h.len()) + 4096;
        let mut ok = true;
        let (mut i, mut j) = (0, 0);
        while i < l.len() || j < h.len() {
            // Next point in position order; ties cannot happen as `l` and `h` are disjoint.
            let from_l = j == h.len() || (i < l.len() && l[i] < h[j]);
            let p = if from_l { l[i] } else { h[j] };
            if from_l {
                i += 1;
            } else {
                j += 1;
            }
            if self.done(p) {
                continue;
            }
            let (y, z) = (self.val(p, 1), self.val(p, 2));
            let covered = covers(&stairs, y, z);
            if covered && (h.is_empty() || !from_l) {
                self.rank[p as usize] = 1;
                continue;
            }
            // A covered dominator adds nothing, and inserting it would break the staircase.
            if from_l && !covered {
                match budget.checked_sub(insert(&mut stairs, y, z)) {
                    Some(b) => budget = b,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
        }
        self.stairs3 = stairs;
        ok
    }

    /// Objective 1 only: sweep in position order with a staircase of (value, rank).
    fn sweep_all(&mut self, s: &[u32]) {
        let mut st = Stairs {
            items: std::mem::take(&mut self.stairs),
        };
        st.items.clear();
        for &p in s {
            let v = self.val(p, 1);
            if let Some(r) = st.best_at_most(v) {
                self.raise(p, r);
            }
            let rp = self.rank[p as usize];
            if rp < self.cap {
                st.insert(v, rp);
            }
        }
        self.stairs = st.items;
    }

    /// Objective 1 only: raise the ranks of `h` from `l`, merging by position.
    fn sweep_update(&mut self, l: &[u32], h: &[u32]) {
        let mut st = Stairs {
            items: std::mem::take(&mut self.stairs),
        };
        st.items.clear();
        let mut i = 0;
        for &p in h {
            while i < l.len() && l[i] < p {
                let q = l[i];
                st.insert(self.val(q, 1), self.rank[q as usize]);
                i += 1;
            }
            if let Some(r) = st.best_at_most(self.val(p, 1)) {
                self.raise(p, r);
            }
        }
        self.stairs = st.items;
    }

    fn update(&mut self, l: &mut [u32], h: &mut [u32], k: usize) {
        if l.is_empty() || h.is_empty() {
            return;
        }
        if self.cap == 1 && l.iter().chain(h.iter()).any(|&i| self.done(i)) {
            // Filter mode: dominated points neither need nor give information.
            let mut l2: Vec<u32> = l.iter().copied().filter(|&i| !self.done(i)).collect();
            let mut h2: Vec<u32> = h.iter().copied().filter(|&i| !self.done(i)).collect();
            self.update_inner(&mut l2, &mut h2, k);
            return;
        }
        self.update_inner(l, h, k);
    }

    fn update_inner(&mut self, l: &mut [u32], h: &mut [u32], k: usize) {
        if l.is_empty() || h.is_empty() || l[0] > h[h.len() - 1] {
            return;
        }
        if k == 1 {
            self.sweep_update(l, h);
            return;
        }
        if k == 2 && self.cap == 1 && self.filter_sweep(l, h) {
            return;
        }
        if l.len() * h.len() <= BRUTE_UPDATE {
            for &b in h.iter() {
                for &a in l.iter() {
                    if a > b {
                        break;
                    }
                    // Comparing is only worth it when `a` could raise the rank of `b`.
                    let ra = self.rank[a as usize];
                    if ra >= self.rank[b as usize] && self.weakly_le(a, b, k) {
                        self.raise(b, ra);
                    }
                }
            }
            return;
        }
        let (mut lmin, mut lmax) = (f64::INFINITY, f64::NEG_INFINITY);
        for &i in l.iter() {
            let v = self.val(i, k);
            lmin = lmin.min(v);
            lmax = lmax.max(v);
        }
        let (mut hmin, mut hmax) = (f64::INFINITY, f64::NEG_INFINITY);
        for &i in h.iter() {
            let v = self.val(i, k);
            hmin = hmin.min(v);
            hmax = hmax.max(v);
        }
        if lmax <= hmin {
            self.update_inner(l, h, k - 1);
            return;
        }
        if lmin > hmax {
            return;
        }
        let med = self.median(l, h, k);
        let (ll, le) = self.split3(l, k, med);
        let (hl, he) = self.split3(h, k, med);
        {
            let (l_lo, _) = l.split_at_mut(ll);
            let (h_lo, _) = h.split_at_mut(hl);
            self.update_inner(l_lo, h_lo, k);
        }
        {
            let (_, l_hi) = l.split_at_mut(ll + le);
            let (_, h_hi) = h.split_at_mut(hl + he);
            self.update_inner(l_hi, h_hi, k);
        }
        {
            let (l_le, _) = l.split_at_mut(ll + le);
            self.merge(l_le, ll);
            let (_, h_eh) = h.split_at_mut(hl);
            self.merge(h_eh, he);
            self.update_inner(l_le, h_eh, k - 1);
        }
        // Each of `l` and `h` is now two sorted runs.
        self.merge(l, ll + le);
        self.merge(h, hl);
    }
}
