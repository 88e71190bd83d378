//! Monte Carlo hypervolume estimates with a confidence interval.
//!
//! Notation: `n` points, `m` objectives (minimised), `r` the reference point, `B` the
//! sampling box `[ideal, r)` where `ideal` is the coordinate-wise minimum of the points
//! that strictly dominate `r`, `V` its volume, `N` the number of samples and `h` the number
//! of samples dominated by the set.
//!
//! Uniform samples in `B` are dominated with probability `HV / V`, so `V · h / N` is an
//! unbiased estimate of the hypervolume (Bader & Zitzler, "HypE: an algorithm for fast
//! hypervolume-based many-objective optimization", Evolutionary Computation 19(1), 2011,
//! §4). The interval is the Wilson score interval of the binomial proportion (Wilson,
//! "Probable inference, the law of succession, and statistical inference", JASA 22, 1927),
//! scaled by `V`.
//!
//! The per-sample test walks a k-d tree (Bentley, "Multidimensional binary search trees
//! used for associative searching", CACM 18(9), 1975) of the non-dominated points whose
//! nodes keep their minimum corner.
//!
//! This is a separate, explicitly approximate function: the exact [`super::hypervolume`]
//! never falls back to it.

use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Error, PointsView, Result};

/// Options of [`hypervolume_approx`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxConfig {
    /// Number of samples, at least 1.
    pub samples: usize,
    /// Seed of the sampler: the same inputs and seed give the same estimate.
    pub seed: u64,
    /// Confidence level of the interval, in (0, 1).
    pub confidence: f64,
}

impl Default for ApproxConfig {
    fn default() -> Self {
        Self {
            samples: 1_000_000,
            seed: 0,
            confidence: 0.99,
        }
    }
}

/// An estimate of the hypervolume with its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HvEstimate {
    /// The point estimate `V · h / N` (unbiased).
    pub value: f64,
    /// Lower end of the confidence interval (never below 0).
    pub lower: f64,
    /// Upper end of the confidence interval (never above the box volume `V`).
    pub upper: f64,
    /// Estimated standard error of `value`: `V · sqrt(p̂ (1 − p̂) / N)` with `p̂ = h / N`.
    pub std_error: f64,
    /// Volume `V` of the sampling box `[ideal, r)`; the hypervolume lies in `[0, V]`.
    pub box_volume: f64,
}

/// Estimates the hypervolume of `points` with respect to `ref_point` by sampling.
///
/// Samples are drawn uniformly in the box spanned by the ideal point of the points that
/// strictly dominate `ref_point` and `ref_point` itself, with a [`SplitMix64`] generator
/// seeded by `config.seed`, so the result is a function of the inputs and the seed only.
///
/// **Guarantee.** `value` is an unbiased estimate of the hypervolume. `[lower, upper]` is
/// the Wilson score interval at level `config.confidence` for the dominated fraction of the
/// box, times the box volume: its coverage probability is *approximately* the nominal level
/// (asymptotically exact as `samples` grows, and well behaved when the fraction is near 0
/// or 1, unlike the normal-approximation interval), not a guaranteed bound. When no point
/// strictly dominates `ref_point` the hypervolume is exactly 0 and so is every field.
///
/// # Errors
/// When `ref_point` does not have one finite value per objective, `config.samples` is 0,
/// or `config.confidence` is not strictly between 0 and 1.
pub fn hypervolume_approx(
    points: PointsView<'_>,
    ref_point: &[f64],
    config: &ApproxConfig,
) -> Result<HvEstimate> {
    points.check_point("reference point", ref_point)?;
    if config.samples == 0 {
        return Err(Error::InvalidArgument {
            name: "samples",
            reason: "need at least 1 sample".to_string(),
        });
    }
    if !(config.confidence > 0.0 && config.confidence < 1.0) {
        return Err(Error::InvalidArgument {
            name: "confidence",
            reason: format!("{} is not strictly between 0 and 1", config.confidence),
        });
    }
    let m = points.n_obj();
    let front = active_front(points, ref_point);
    if front.is_empty() {
        return Ok(HvEstimate {
            value: 0.0,
            lower: 0.0,
            upper: 0.0,
            std_error: 0.0,
            box_volume: 0.0,
        });
    }
    let mut ideal = ref_point.to_vec();
    for row in front.chunks_exact(m) {
        for (lo, v) in ideal.iter_mut().zip(row) {
            *lo = lo.min(*v);
        }
    }
    let width: Vec<f64> = ref_point.iter().zip(&ideal).map(|(r, lo)| r - lo).collect();
    let box_volume: f64 = width.iter().product();

    let cover = Cover::new(front, m);
    let mut rng = SplitMix64::new(config.seed);
    let mut sample = vec![0.0; m];
    let mut hits: u64 = 0;
    let mut last = 0usize;
    let mut stack = Vec::new();
    for _ in 0..config.samples {
        for ((s, lo), w) in sample.iter_mut().zip(&ideal).zip(&width) {
            *s = lo + w * rng.next_f64();
        }
        if cover.covers(&sample, &mut last, &mut stack) {
            hits += 1;
        }
    }

    let n = config.samples as f64;
    let phat = hits as f64 / n;
    let z = normal_quantile(0.5 + 0.5 * config.confidence);
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let center = (phat + z2 / (2.0 * n)) / denom;
    let half = z / denom * (phat * (1.0 - phat) / n + z2 / (4.0 * n * n)).sqrt();
    Ok(HvEstimate {
        value: box_volume * phat,
        lower: box_volume * (center - half).max(0.0),
        upper: box_volume * (center + half).min(1.0),
        std_error: box_volume * (phat * (1.0 - phat) / n).sqrt(),
        box_volume,
    })
}

/// Largest number of points in a leaf of [`Cover`].
const LEAF: usize = 8;

/// The non-dominated points in a k-d tree whose nodes keep the coordinate-wise minimum
/// of their points: a sample can only be dominated inside a node whose minimum is `≤` it,
/// so most of the set is skipped without looking at its points.
struct Cover {
    m: usize,
    /// Points, row-major, reordered so that every node is a contiguous range.
    pts: Vec<f64>,
    /// Nodes of the tree; node 0 is the root.
    nodes: Vec<Node>,
    /// The minimum corner of each node's points, `m` values per node.
    mins: Vec<f64>,
}

/// A node of [`Cover`]: its range of points and its children. The root (index 0) is
/// nobody's child, so `left == 0` marks a leaf.
struct Node {
    start: usize,
    end: usize,
    left: usize,
    right: usize,
}

impl Cover {
    fn new(front: Vec<f64>, m: usize) -> Self {
        let mut rows: Vec<&[f64]> = front.chunks_exact(m).collect();
        let mut nodes = Vec::new();
        let mut mins = Vec::new();
        let k = rows.len();
        build(&mut rows, 0, k, 0, m, &mut nodes, &mut mins);
        let pts = rows.concat();
        Self {
            m,
            pts,
            nodes,
            mins,
        }
    }

    /// `true` when some point is `≤ s` everywhere. `last` is the index of the previous
    /// dominating point, tried first: the largest boxes catch most samples.
    fn covers(&self, s: &[f64], last: &mut usize, stack: &mut Vec<usize>) -> bool {
        let m = self.m;
        let dominates = |j: usize| {
            self.pts[j * m..(j + 1) * m]
                .iter()
                .zip(s)
                .all(|(p, x)| p <= x)
        };
        if dominates(*last) {
            return true;
        }
        stack.clear();
        stack.push(0);
        while let Some(i) = stack.pop() {
            let below = self.mins[i * m..(i + 1) * m]
                .iter()
                .zip(s)
                .all(|(p, x)| p <= x);
            if !below {
                continue;
            }
            let node = &self.nodes[i];
            if node.left == 0 {
                if let Some(j) = (node.start..node.end).find(|&j| dominates(j)) {
                    *last = j;
                    return true;
                }
            } else {
                stack.push(node.right);
                stack.push(node.left);
            }
        }
        false
    }
}

/// Builds the node for `rows[start..end]` (split on coordinate `axis` at the median) and
/// its subtree; returns its index.
fn build(
    rows: &mut [&[f64]],
    start: usize,
    end: usize,
    axis: usize,
    m: usize,
    nodes: &mut Vec<Node>,
    mins: &mut Vec<f64>,
) -> usize {
    let id = nodes.len();
    nodes.push(Node {
        start,
        end,
        left: 0,
        right: 0,
    });
    mins.extend((0..m).map(|j| {
        rows[start..end]
            .iter()
            .map(|p| p[j])
            .fold(f64::INFINITY, f64::min)
    }));
    if end - start > LEAF {
        let mid = start + (end - start) / 2;
        rows[start..end].select_nth_unstable_by(mid - start, |a, b| a[axis].total_cmp(&b[axis]));
        let next = (axis + 1) % m;
        let left = build(rows, start, mid, next, m, nodes, mins);
        let right = build(rows, mid, end, next, m, nodes, mins);
        nodes[id].left = left;
        nodes[id].right = right;
    }
    id
}

/// The non-dominated points that strictly dominate `r`, one copy each, row-major.
fn active_front(points: PointsView<'_>, r: &[f64]) -> Vec<f64> {
    let m = points.n_obj();
    let mut rows: Vec<(f64, &[f64])> = points
        .rows()
        .filter(|p| p.iter().zip(r).all(|(x, b)| x < b))
        .map(|p| (p.iter().zip(r).map(|(x, b)| b - x).product(), p))
        .collect();
    rows.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let mut front: Vec<f64> = Vec::new();
    for (_, p) in rows {
        // A larger box is never dominated by a smaller one, so kept rows never need removal.
        let covered = front
            .chunks_exact(m)
            .any(|q| q.iter().zip(p).all(|(a, b)| a <= b));
        if !covered {
            front.extend_from_slice(p);
        }
    }
    front
}

/// The standard normal quantile `Φ⁻¹(p)` for `p` in (0, 1).
///
/// Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988), accurate to about
/// 1e-16 relative.
fn normal_quantile(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 { -x } else { x }
}

/// Evaluates `c[0] + c[1] x + … + c[7] x^7` by Horner's rule.
fn poly(c: &[f64; 8], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &ci| acc * x + ci)
}

// Coefficients of AS 241 (Wichura 1988), lowest degree first.
const A: [f64; 8] = [
    3.387_132_872_796_366_5,
    1.331_416_678_917_843_8e2,
    1.971_590_950_306_551_3e3,
    1.373_169_376_550_946e4,
    4.592_195_393_154_987e4,
    6.726_577_092_700_87e4,
    3.343_057_558_358_813e4,
    2.509_080_928_730_122_7e3,
];
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091e1,
    6.871_870_074_920_579e2,
    5.394_196_021_424_751e3,
    2.121_379_430_158_659_7e4,
    3.930_789_580_009_271e4,
    2.872_908_573_572_194_3e4,
    5.226_495_278_852_545e3,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    2.417_807_251_774_506e-1,
    2.272_384_498_926_918_4e-2,
    7.745_450_142_783_414e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    6.897_673_349_851e-1,
    1.481_039_764_274_800_8e-1,
    1.519_866_656_361_645_7e-2,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    2.965_605_718_285_048_7e-1,
    2.653_218_952_657_612_4e-2,
    1.242_660_947_388_078_4e-3,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_88e-1,
    1.369_298_809_227_358e-1,
    1.487_536_129_085_061_5e-2,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];

#[cfg(test)]
mod tests {
    use super::normal_quantile;

    #[test]
    fn normal_quantile_known_values() {
        assert!((normal_quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-14);
        assert!((normal_quantile(0.995) - 2.575_829_303_548_901).abs() < 1e-14);
        assert!((normal_quantile(0.5)).abs() < 1e-16);
        assert!((normal_quantile(1e-10) + 6.361_340_902_404_056).abs() < 1e-12);
        assert!((normal_quantile(0.1) + 1.281_551_565_544_600_5).abs() < 1e-14);
    }
}
