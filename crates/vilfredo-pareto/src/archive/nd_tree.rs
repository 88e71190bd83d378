//! The index for three and more objectives: an ND-Tree.
//!
//! Jaszkiewicz & Lust (2018), "ND-Tree-based update: a fast algorithm for the dynamic
//! nondominance problem", IEEE Transactions on Evolutionary Computation 22(5).
//!
//! Every node stands for the members below it and carries their ideal point (the
//! component-wise minimum) and nadir point (maximum); members live in leaves of at most
//! [`LEAF_CAPACITY`] rows. For a newcomer `y` and a node whose members all lie in
//! `[ideal, nadir]`:
//!
//! - `nadir ≤ y` and `nadir ≠ y`: every member dominates `y`, which is refused;
//! - `y ≤ ideal` and `y ≠ ideal`: `y` dominates every member, and the node goes;
//! - neither `ideal ≤ y` (no member can dominate `y`) nor `y ≤ nadir` (`y` can dominate
//!   no member): nothing to do below;
//! - otherwise the children (or a leaf's rows) are examined.
//!
//! The strict inequalities are what keeps duplicates: a member equal to `y` neither
//! dominates it nor is dominated by it. A newcomer that is kept goes down to the child
//! whose box centre is nearest, and a leaf that overflows is split into up to `m + 1`
//! leaves seeded by farthest points (the paper's clustering). Unlike the paper, whose
//! bounds are approximations that only grow, the bounds here are recomputed exactly on
//! the way back from a removal (the rows and children involved are already at hand), so
//! a shrinking front keeps pruning as well as a growing one; and a leaf whose rows are
//! all equal is never split, since no clustering can separate duplicates.
//!
//! The paper's tree is not balanced: a stream sorted along the front turns it into a
//! chain where the points arrive. So an insertion that lands too deep rebuilds the
//! subtree of a scapegoat, balanced by median splits ([`NdTree::rebalance`]); streams in
//! no particular order never trigger it (100,000 mutually non-dominated points sorted
//! by their first objective: 0.49 s without rebuilds, 0.27 s with them; BENCHMARKS.md).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::gain::{ClippedFront, Lift};
use crate::dominance::{Dominance, compare};

/// Largest number of rows a leaf holds before it is split (the paper's choice).
const LEAF_CAPACITY: usize = 20;
/// Most children an overflowing leaf is split into (the paper uses `m + 1`; the cap keeps
/// every new leaf with a couple of rows when there are many objectives).
const MAX_BRANCHING: usize = LEAF_CAPACITY / 2;

#[derive(Debug, Clone)]
enum Node {
    /// Rows of the archive.
    Leaf(Vec<usize>),
    /// Child nodes.
    Inner(Vec<usize>),
    /// A slot of the arena waiting for reuse.
    Free,
}

/// What a visit of the update did to a node.
enum Visit {
    /// A member of the node dominates the newcomer.
    Dominated,
    /// Nothing changed below.
    Kept,
    /// Members were removed below; the node's bounds were recomputed.
    Changed,
    /// Every member was removed; the node was freed.
    Emptied,
}

/// An ND-Tree over the rows of the archive's point array.
#[derive(Debug, Clone)]
pub(super) struct NdTree {
    m: usize,
    nodes: Vec<Node>,
    /// Each node's ideal then nadir point, `2m` values per node.
    bounds: Vec<f64>,
    free: Vec<usize>,
    /// Number of rows below each node.
    size: Vec<usize>,
    root: Option<usize>,
    /// The nodes of the last insertion's path, root first (kept to spare an allocation).
    path: Vec<usize>,
    /// The leaf holding each row.
    leaf_of: Vec<usize>,
}

fn row(points: &[f64], m: usize, r: usize) -> &[f64] {
    &points[r * m..(r + 1) * m]
}

fn weakly(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x <= y)
}

fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

impl NdTree {
    /// An empty tree for points of `m` objectives.
    pub(super) fn new(m: usize) -> Self {
        Self {
            m,
            nodes: Vec::new(),
            bounds: Vec::new(),
            free: Vec::new(),
            size: Vec::new(),
            root: None,
            path: Vec::new(),
            leaf_of: Vec::new(),
        }
    }

    fn ideal(&self, n: usize) -> &[f64] {
        &self.bounds[2 * self.m * n..2 * self.m * n + self.m]
    }

    fn nadir(&self, n: usize) -> &[f64] {
        &self.bounds[2 * self.m * n + self.m..2 * self.m * (n + 1)]
    }

    /// A new node whose box is the single point `y`.
    fn alloc(&mut self, node: Node, y: &[f64]) -> usize {
        let m = self.m;
        let rows = match &node {
            Node::Leaf(rows) => rows.len(),
            Node::Inner(_) | Node::Free => 0,
        };
        let n = match self.free.pop() {
            Some(n) => {
                self.nodes[n] = node;
                n
            }
            None => {
                self.nodes.push(node);
                self.size.push(0);
                self.bounds.resize(self.bounds.len() + 2 * m, 0.0);
                self.nodes.len() - 1
            }
        };
        self.size[n] = rows;
        self.bounds[2 * m * n..2 * m * n + m].copy_from_slice(y);
        self.bounds[2 * m * n + m..2 * m * (n + 1)].copy_from_slice(y);
        n
    }

    fn release(&mut self, n: usize) {
        self.nodes[n] = Node::Free;
        self.free.push(n);
    }

    /// Widens node `n`'s box to take in `y`.
    fn expand(&mut self, n: usize, y: &[f64]) {
        let m = self.m;
        let (ideal, nadir) = self.bounds[2 * m * n..2 * m * (n + 1)].split_at_mut(m);
        for ((lo, hi), v) in ideal.iter_mut().zip(nadir.iter_mut()).zip(y) {
            *lo = lo.min(*v);
            *hi = hi.max(*v);
        }
    }

    /// Recomputes node `n`'s box and size from its rows or children.
    fn refit(&mut self, n: usize, points: &[f64]) {
        let m = self.m;
        let mut lo = vec![f64::INFINITY; m];
        let mut hi = vec![f64::NEG_INFINITY; m];
        let mut widen = |a: &[f64], b: &[f64]| {
            for j in 0..m {
                lo[j] = lo[j].min(a[j]);
                hi[j] = hi[j].max(b[j]);
            }
        };
        let size = match &self.nodes[n] {
            Node::Leaf(rows) => {
                rows.iter().for_each(|&r| {
                    let y = row(points, m, r);
                    widen(y, y);
                });
                rows.len()
            }
            Node::Inner(children) => {
                children
                    .iter()
                    .for_each(|&c| widen(self.ideal(c), self.nadir(c)));
                children.iter().map(|&c| self.size[c]).sum()
            }
            Node::Free => 0,
        };
        self.size[n] = size;
        self.bounds[2 * m * n..2 * m * n + m].copy_from_slice(&lo);
        self.bounds[2 * m * n + m..2 * m * (n + 1)].copy_from_slice(&hi);
    }

    /// Decides the newcomer `y`: `None` when a member dominates it, otherwise the rows of
    /// the members it dominates, which are unlinked.
    pub(super) fn update(&mut self, points: &[f64], y: &[f64]) -> Option<Vec<usize>> {
        let Some(root) = self.root else {
            return Some(Vec::new());
        };
        let mut removed = Vec::new();
        match self.visit(root, points, y, &mut removed) {
            Visit::Dominated => None,
            Visit::Emptied => {
                self.root = None;
                Some(removed)
            }
            Visit::Kept | Visit::Changed => Some(removed),
        }
    }

    /// The update below node `n` (Algorithm "UpdateNode" of the paper). A newcomer that
    /// dominates a member cannot be dominated by another (members do not dominate each
    /// other), so a visit that reports `Dominated` has removed nothing.
    fn visit(&mut self, n: usize, points: &[f64], y: &[f64], removed: &mut Vec<usize>) -> Visit {
        let (ideal, nadir) = (self.ideal(n), self.nadir(n));
        if weakly(nadir, y) && nadir != y {
            return Visit::Dominated;
        }
        if weakly(y, ideal) && y != ideal {
            self.remove_subtree(n, removed);
            return Visit::Emptied;
        }
        if !weakly(ideal, y) && !weakly(y, nadir) {
            return Visit::Kept;
        }
        let m = self.m;
        match std::mem::replace(&mut self.nodes[n], Node::Free) {
            Node::Leaf(mut rows) => {
                let before = removed.len();
                let mut i = 0;
                while i < rows.len() {
                    match compare(row(points, m, rows[i]), y) {
                        Dominance::Dominates => {
                            self.nodes[n] = Node::Leaf(rows);
                            return Visit::Dominated;
                        }
                        Dominance::DominatedBy => removed.push(rows.swap_remove(i)),
                        Dominance::Equal | Dominance::Incomparable => i += 1,
                    }
                }
                let changed = removed.len() > before;
                let empty = rows.is_empty();
                self.nodes[n] = Node::Leaf(rows);
                if empty {
                    self.release(n);
                    Visit::Emptied
                } else if changed {
                    self.refit(n, points);
                    Visit::Changed
                } else {
                    Visit::Kept
                }
            }
            Node::Inner(mut children) => {
                let mut changed = false;
                let mut i = 0;
                while i < children.len() {
                    match self.visit(children[i], points, y, removed) {
                        Visit::Dominated => {
                            self.nodes[n] = Node::Inner(children);
                            return Visit::Dominated;
                        }
                        Visit::Emptied => {
                            children.remove(i);
                            changed = true;
                        }
                        Visit::Changed => {
                            changed = true;
                            i += 1;
                        }
                        Visit::Kept => i += 1,
                    }
                }
                match children[..] {
                    [] => {
                        self.release(n);
                        Visit::Emptied
                    }
                    [only] => {
                        self.replace_by_child(n, only);
                        Visit::Changed
                    }
                    _ => {
                        self.nodes[n] = Node::Inner(children);
                        if changed {
                            self.refit(n, points);
                            Visit::Changed
                        } else {
                            Visit::Kept
                        }
                    }
                }
            }
            Node::Free => Visit::Kept,
        }
    }

    /// Moves child `c` into node `n`'s place (a node with one child is a detour).
    fn replace_by_child(&mut self, n: usize, c: usize) {
        let m = self.m;
        let node = std::mem::replace(&mut self.nodes[c], Node::Free);
        if let Node::Leaf(rows) = &node {
            for &r in rows {
                self.leaf_of[r] = n;
            }
        }
        self.nodes[n] = node;
        self.bounds
            .copy_within(2 * m * c..2 * m * (c + 1), 2 * m * n);
        self.size[n] = self.size[c];
        self.release(c);
    }

    /// Frees node `n` and everything below it, collecting its rows.
    fn remove_subtree(&mut self, n: usize, removed: &mut Vec<usize>) {
        let mut stack = vec![n];
        while let Some(n) = stack.pop() {
            match std::mem::replace(&mut self.nodes[n], Node::Free) {
                Node::Leaf(rows) => removed.extend(rows),
                Node::Inner(children) => stack.extend(children),
                Node::Free => {}
            }
            self.free.push(n);
        }
    }

    /// Links row `r` of `points`, which a member dominates not (Algorithm "Insert"): down
    /// to the child whose box centre is nearest, widening boxes on the way.
    pub(super) fn insert(&mut self, points: &[f64], r: usize) {
        let m = self.m;
        let y = row(points, m, r);
        if self.leaf_of.len() <= r {
            self.leaf_of.resize(r + 1, 0);
        }
        let Some(mut n) = self.root else {
            let leaf = self.alloc(Node::Leaf(vec![r]), y);
            self.root = Some(leaf);
            self.leaf_of[r] = leaf;
            return;
        };
        self.path.clear();
        loop {
            self.expand(n, y);
            self.size[n] += 1;
            self.path.push(n);
            let next = match &self.nodes[n] {
                Node::Leaf(_) => None,
                Node::Inner(children) => children
                    .iter()
                    .map(|&c| (self.centre_distance(c, y), c))
                    .min_by(|a, b| a.0.total_cmp(&b.0)),
                Node::Free => return,
            };
            match next {
                Some((_, c)) => n = c,
                None => break,
            }
        }
        if let Node::Leaf(rows) = &mut self.nodes[n] {
            rows.push(r);
            self.leaf_of[r] = n;
            if rows.len() > LEAF_CAPACITY && self.ideal(n) != self.nadir(n) {
                self.split(n, points);
            }
        }
        self.rebalance(points);
    }

    /// Rebuilds the subtree of a scapegoat when the last insertion went too deep
    /// (Galperin & Rivest 1993, "Scapegoat trees", SODA): the tree of `s` rows must be no
    /// deeper than `log_{1/α}(s / LEAF_CAPACITY) + 2`; past that, the highest node on the
    /// path whose child on the path holds more than `α` of its rows is rebuilt balanced.
    /// As in a scapegoat tree, a rebuilt subtree of `s` rows needs on the order of `s`
    /// insertions below it before it can be picked again, which spreads the cost of the
    /// rebuild over them. Streams in
    /// no particular order never come near the bound; a stream sorted along the front,
    /// which makes the paper's tree a chain, does.
    fn rebalance(&mut self, points: &[f64]) {
        const ALPHA: f64 = 0.75;
        let (Some(&root), depth) = (self.path.first(), self.path.len()) else {
            return;
        };
        let leaves = (self.size[root] as f64 / LEAF_CAPACITY as f64).max(1.0);
        if (depth as f64) <= leaves.ln() / (1.0 / ALPHA).ln() + 2.0 {
            return;
        }
        let scapegoat = self
            .path
            .windows(2)
            .find(|w| self.size[w[1]] as f64 > ALPHA * self.size[w[0]] as f64)
            .map(|w| w[0]);
        if let Some(v) = scapegoat {
            let mut rows = Vec::with_capacity(self.size[v]);
            if let Node::Inner(children) = std::mem::replace(&mut self.nodes[v], Node::Free) {
                for c in children {
                    self.remove_subtree(c, &mut rows);
                }
            }
            self.build(v, &mut rows, points);
        }
    }

    /// Fills node `n` with a balanced tree over `rows`: sorted along the objective in
    /// which they spread most, cut into equal runs, each built the same way, down to
    /// leaves of at most [`LEAF_CAPACITY`] rows (a kd-tree's median split; Lang 2022
    /// rebuilds ND-Trees by space partitioning too).
    fn build(&mut self, n: usize, rows: &mut [usize], points: &[f64]) {
        let m = self.m;
        if rows.len() <= LEAF_CAPACITY {
            for &r in rows.iter() {
                self.leaf_of[r] = n;
            }
            self.nodes[n] = Node::Leaf(rows.to_vec());
            self.refit(n, points);
            return;
        }
        let spread = |j: usize| {
            let values = rows.iter().map(|&r| points[r * m + j]);
            values.clone().fold(f64::NEG_INFINITY, f64::max) - values.fold(f64::INFINITY, f64::min)
        };
        let axis = (0..m)
            .map(|j| (spread(j), j))
            .fold(
                (f64::NEG_INFINITY, 0),
                |best, c| if c.0 > best.0 { c } else { best },
            )
            .1;
        rows.sort_by(|&a, &b| points[a * m + axis].total_cmp(&points[b * m + axis]));
        let branching = (m + 1).min(MAX_BRANCHING);
        let run = rows.len().div_ceil(branching);
        let mut children = Vec::with_capacity(branching);
        for chunk in rows.chunks_mut(run) {
            let c = self.alloc(Node::Free, row(points, m, chunk[0]));
            self.build(c, chunk, points);
            children.push(c);
        }
        self.nodes[n] = Node::Inner(children);
        self.refit(n, points);
    }

    /// Squared distance from `y` to the centre of node `c`'s box.
    fn centre_distance(&self, c: usize, y: &[f64]) -> f64 {
        self.ideal(c)
            .iter()
            .zip(self.nadir(c))
            .zip(y)
            .map(|((lo, hi), v)| {
                let d = 0.5 * (lo + hi) - v;
                d * d
            })
            .sum()
    }

    /// Splits an overflowing leaf (Algorithm "Split"): the row farthest on average from
    /// the others seeds the first child, the row farthest on average from the seeds so
    /// far seeds each next one, and the other rows join the child whose box centre is
    /// nearest, in turn.
    fn split(&mut self, n: usize, points: &[f64]) {
        let m = self.m;
        let Node::Leaf(rows) = std::mem::replace(&mut self.nodes[n], Node::Free) else {
            return;
        };
        let k = rows.len();
        let branching = (m + 1).min(MAX_BRANCHING).min(k);
        let mut dist = vec![0.0; k * k];
        for i in 0..k {
            for j in 0..i {
                let d = squared_distance(row(points, m, rows[i]), row(points, m, rows[j])).sqrt();
                dist[i * k + j] = d;
                dist[j * k + i] = d;
            }
        }
        let farthest = |candidates: &mut dyn Iterator<Item = (usize, f64)>| {
            candidates
                .fold(None, |best: Option<(usize, f64)>, (i, s)| match best {
                    Some((_, b)) if b >= s => best,
                    _ => Some((i, s)),
                })
                .map(|(i, _)| i)
        };
        let mut is_seed = vec![false; k];
        let mut seeds = Vec::with_capacity(branching);
        let first = farthest(&mut (0..k).map(|i| (i, dist[i * k..(i + 1) * k].iter().sum())));
        if let Some(i) = first {
            is_seed[i] = true;
            seeds.push(i);
        }
        while seeds.len() < branching {
            let next = farthest(
                &mut (0..k)
                    .filter(|&i| !is_seed[i])
                    .map(|i| (i, seeds.iter().map(|&s| dist[i * k + s]).sum())),
            );
            let Some(i) = next else { break };
            is_seed[i] = true;
            seeds.push(i);
        }
        let children: Vec<usize> = seeds
            .iter()
            .map(|&i| {
                let c = self.alloc(Node::Leaf(vec![rows[i]]), row(points, m, rows[i]));
                self.leaf_of[rows[i]] = c;
                c
            })
            .collect();
        for i in (0..k).filter(|&i| !is_seed[i]) {
            let y = row(points, m, rows[i]);
            let nearest = children
                .iter()
                .map(|&c| (self.centre_distance(c, y), c))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, c)) = nearest {
                if let Node::Leaf(leaf) = &mut self.nodes[c] {
                    leaf.push(rows[i]);
                }
                self.expand(c, y);
                self.size[c] += 1;
                self.leaf_of[rows[i]] = c;
            }
        }
        self.nodes[n] = Node::Inner(children);
    }

    /// The archive swap-removed row `r` (already unlinked): the last row now sits at `r`.
    pub(super) fn swap_remove_row(&mut self, r: usize) {
        let last = self.leaf_of.len() - 1;
        self.leaf_of.swap_remove(r);
        if r == last {
            return;
        }
        if let Node::Leaf(rows) = &mut self.nodes[self.leaf_of[r]]
            && let Some(slot) = rows.iter_mut().find(|x| **x == last)
        {
            *slot = r;
        }
    }

    /// Offers `clipped` the members that may bound its candidate's box, best first: the
    /// pending node whose ideal point lifts the candidate least is opened next (its lift
    /// bounds its members'), and a node whose raised ideal point is already covered is
    /// skipped whole.
    pub(super) fn bounding(&self, points: &[f64], clipped: &mut ClippedFront<'_>) {
        let m = self.m;
        let mut pending: BinaryHeap<Pending> = BinaryHeap::new();
        if let Some(root) = self.root {
            pending.push(Pending {
                lift: clipped.lift(self.ideal(root)),
                node: root,
            });
        }
        let mut rows_by_lift: Vec<(Lift, usize)> = Vec::new();
        while let Some(Pending { node, .. }) = pending.pop() {
            if clipped.skips(self.ideal(node)) {
                continue;
            }
            match &self.nodes[node] {
                Node::Leaf(rows) => {
                    rows_by_lift.clear();
                    rows_by_lift.extend(rows.iter().map(|&r| (clipped.lift(row(points, m, r)), r)));
                    rows_by_lift.sort_by(|a, b| a.0.cmp(&b.0));
                    for &(_, r) in &rows_by_lift {
                        clipped.offer(row(points, m, r));
                    }
                }
                Node::Inner(children) => {
                    for &c in children {
                        // Tested again when popped: `kept` may have grown meanwhile.
                        if !clipped.skips(self.ideal(c)) {
                            pending.push(Pending {
                                lift: clipped.lift(self.ideal(c)),
                                node: c,
                            });
                        }
                    }
                }
                Node::Free => {}
            }
        }
    }
}

/// A node waiting in the best-first search of [`NdTree::bounding`].
struct Pending {
    lift: Lift,
    node: usize,
}

/// Reversed, so that `BinaryHeap` (a max-heap) pops the smallest lift; ties by node.
impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        other.lift.cmp(&self.lift).then(other.node.cmp(&self.node))
    }
}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pending {}
