//! A list of points stored for fast "does any of them weakly dominate `p`?" scans.
//!
//! The quadratic algorithms (`sfs`, `ens`) spend their time testing one point against
//! many. Points are stored in blocks of [`LANES`], objective by objective, so the test
//! of one block is a few comparisons per objective over a short fixed-size array, which
//! the compiler turns into branch-free vector code. Unused lanes of the last block hold
//! `+∞`, which never weakly dominates a finite point.

/// Points per block.
const LANES: usize = 4;

/// Points of `w` coordinates each, in blocks of [`LANES`].
#[derive(Debug, Clone)]
pub(crate) struct Blocks {
    w: usize,
    len: usize,
    data: Vec<f64>,
}

impl Blocks {
    /// An empty list of points with `w` coordinates.
    pub fn new(w: usize) -> Self {
        Self {
            w,
            len: 0,
            data: Vec::new(),
        }
    }

    /// Number of points stored.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Appends a point of `w` coordinates.
    pub fn push(&mut self, p: &[f64]) {
        let lane = self.len % LANES;
        if lane == 0 {
            self.data
                .resize(self.data.len() + self.w * LANES, f64::INFINITY);
        }
        let base = self.data.len() - self.w * LANES;
        for (j, &v) in p.iter().enumerate() {
            self.data[base + j * LANES + lane] = v;
        }
        self.len += 1;
    }

    /// `true` when point `i` is `<= p` in every coordinate.
    #[inline]
    pub fn weakly_dominates(&self, i: usize, p: &[f64]) -> bool {
        let base = (i / LANES) * self.w * LANES + i % LANES;
        p.iter()
            .enumerate()
            .all(|(j, &y)| self.data[base + j * LANES] <= y)
    }

    /// Index of a point `<= p` in every coordinate, scanning blocks from the last one
    /// (the most recent points) when `newest_first`, else from the first.
    #[inline]
    pub fn find_dominator(&self, p: &[f64], newest_first: bool) -> Option<usize> {
        let stride = self.w * LANES;
        let n_blocks = self.data.len() / stride.max(1);
        let test = |b: usize| -> Option<usize> {
            let blk = &self.data[b * stride..(b + 1) * stride];
            let mut ok = [true; LANES];
            for (col, &y) in blk.chunks_exact(LANES).zip(p) {
                for (o, &x) in ok.iter_mut().zip(col) {
                    *o &= x <= y;
                }
            }
            ok.iter().position(|&o| o).map(|lane| b * LANES + lane)
        };
        if newest_first {
            (0..n_blocks).rev().find_map(test)
        } else {
            (0..n_blocks).find_map(test)
        }
    }
}
