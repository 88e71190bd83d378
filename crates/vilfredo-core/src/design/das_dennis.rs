//! Das–Dennis lattices and their multi-layer combination.
//!
//! I. Das and J. E. Dennis, "Normal-boundary intersection: A new method for generating the
//! Pareto surface in nonlinear multicriteria optimization problems", SIAM J. Optim. 8(3), 1998:
//! all points of the simplex whose coordinates are multiples of `1/p`.
//!
//! K. Deb and H. Jain, "An evolutionary many-objective optimization algorithm using
//! reference-point-based nondominated sorting approach, Part I", IEEE TEVC 18(4), 2014:
//! with many objectives, an outer layer on the boundary plus inner layers shrunk toward the
//! centroid.

use super::MAX_DIRECTIONS;
use crate::{Error, Points, Result};

/// The number of Das–Dennis directions, `C(n_obj + n_partitions − 1, n_partitions)`, or
/// `None` when `n_obj == 0` or the count does not fit in `usize`.
///
/// It is 1 for `n_obj == 1` and for `n_partitions == 0`, matching what [`das_dennis`] builds.
pub fn n_das_dennis(n_obj: usize, n_partitions: usize) -> Option<usize> {
    if n_obj == 0 {
        return None;
    }
    // C(n, k) with k the smaller side; r_i = C(n − k + i, i) grows with i, so every
    // intermediate product is bounded by the final value times k.
    let n = (n_obj - 1).checked_add(n_partitions)?;
    let k = n_partitions.min(n_obj - 1);
    let mut r: u128 = 1;
    for i in 1..=k {
        r = r.checked_mul((n - k + i) as u128)? / i as u128;
    }
    usize::try_from(r).ok()
}

/// Checks `n_obj ≥ 1` and the count against [`MAX_DIRECTIONS`], returning the count.
fn checked_count(n_obj: usize, n_partitions: usize) -> Result<usize> {
    if n_obj == 0 {
        return Err(Error::ZeroObjectives {
            what: "reference directions",
        });
    }
    match n_das_dennis(n_obj, n_partitions) {
        Some(n) if n <= MAX_DIRECTIONS => Ok(n),
        count => Err(Error::InvalidArgument {
            name: "n_partitions",
            reason: format!(
                "{n_partitions} partitions in {n_obj} objectives give {} directions, more than the limit of {MAX_DIRECTIONS}",
                count.map_or_else(|| "more than usize::MAX".to_string(), |c| c.to_string())
            ),
        }),
    }
}

/// The Das–Dennis lattice (Das & Dennis 1998): every point of the unit simplex in `n_obj`
/// dimensions whose coordinates are multiples of `1 / n_partitions`.
///
/// The same set, in the same order and with the same floating-point values, as pymoo 0.6.2
/// `get_reference_directions("das-dennis", n_obj, n_partitions=n_partitions)`:
/// coordinate `i < m − 1` is `k_i / p` and the last one is `(p − Σ k_i) / p`, and the rows are
/// in ascending lexicographic order of `(k_0, k_1, …)`, so the first row is `(0, …, 0, 1)` and
/// the last `(1, 0, …, 0)`. Special cases, also as pymoo: one objective gives the single
/// direction `(1)`, and `n_partitions == 0` gives the centroid `(1/m, …, 1/m)`.
///
/// # Example
/// ```
/// use vilfredo_core::design::das_dennis;
///
/// let w = das_dennis(3, 2)?;
/// assert_eq!(w.n_points(), 6);
/// assert_eq!(w.row(0), &[0.0, 0.0, 1.0]);
/// assert_eq!(w.row(1), &[0.0, 0.5, 0.5]);
/// assert_eq!(w.row(5), &[1.0, 0.0, 0.0]);
/// # Ok::<(), vilfredo_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::ZeroObjectives`] when `n_obj == 0`; [`Error::InvalidArgument`] when there would be
/// more than [`MAX_DIRECTIONS`] directions (see [`n_das_dennis`]).
pub fn das_dennis(n_obj: usize, n_partitions: usize) -> Result<Points> {
    let count = checked_count(n_obj, n_partitions)?;
    let m = n_obj;
    if m == 1 {
        return Points::from_vec(vec![1.0], 1);
    }
    if n_partitions == 0 {
        return Points::from_vec(vec![1.0 / m as f64; m], m);
    }
    let p = n_partitions;
    let denom = p as f64;
    let mut data = Vec::with_capacity(count * m);
    // `k` holds the first m − 1 lattice coordinates; the last is what remains of p.
    let mut k = vec![0usize; m - 1];
    let mut used = 0usize;
    loop {
        data.extend(k.iter().map(|&ki| ki as f64 / denom));
        data.push((p - used) as f64 / denom);
        // Lexicographic successor among the vectors with Σ k ≤ p.
        if used < p {
            k[m - 2] += 1;
            used += 1;
            continue;
        }
        // Σ k == p: clear the rightmost non-zero coordinate and carry one to its left.
        let Some(j) = k.iter().rposition(|&ki| ki > 0) else {
            break;
        };
        if j == 0 {
            break;
        }
        used -= k[j] - 1;
        k[j] = 0;
        k[j - 1] += 1;
    }
    debug_assert_eq!(data.len(), count * m);
    Points::from_vec(data, m)
}

/// Several Das–Dennis layers, each shrunk toward the centroid, with duplicates removed
/// (Deb & Jain 2014, §V).
///
/// `layers` lists `(n_partitions, scale)` pairs. Layer `(p, s)` is
/// `das_dennis(n_obj, p)` mapped by `w ↦ s·w + (1 − s)/m`, which keeps it on the simplex for
/// `0 ≤ s ≤ 1` (`s = 1` is the boundary layer, `s = 0` collapses to the centroid). The layers
/// are concatenated in the order given, and a row closer than `10⁻¹⁶` (Euclidean) to an
/// earlier row is dropped, as pymoo 0.6.2's `MultiLayerReferenceDirectionFactory` does with
/// layers built by `get_reference_directions("das-dennis", m, n_partitions=p, scaling=s)`.
/// Deb & Jain's 8-objective setting is `[(3, 1.0), (2, 0.5)]`.
///
/// # Errors
/// [`Error::ZeroObjectives`] when `n_obj == 0`; [`Error::InvalidArgument`] when `layers` is
/// empty, a scale is outside `[0, 1]`, or the layers hold more than
/// [`MAX_MULTI_LAYER`] directions in total (duplicate removal compares pairs).
pub fn multi_layer(n_obj: usize, layers: &[(usize, f64)]) -> Result<Points> {
    if layers.is_empty() {
        return Err(Error::InvalidArgument {
            name: "layers",
            reason: "at least one (n_partitions, scale) layer is needed".into(),
        });
    }
    let mut total = 0usize;
    for (i, &(p, s)) in layers.iter().enumerate() {
        if !(0.0..=1.0).contains(&s) {
            return Err(Error::InvalidArgument {
                name: "layers",
                reason: format!("the scale of layer {i} must be in [0, 1], got {s}"),
            });
        }
        total = total.saturating_add(checked_count(n_obj, p)?);
    }
    if total > MAX_MULTI_LAYER {
        return Err(Error::InvalidArgument {
            name: "layers",
            reason: format!(
                "the layers hold {total} directions, more than the limit of {MAX_MULTI_LAYER}"
            ),
        });
    }
    let m = n_obj;
    let mut data: Vec<f64> = Vec::with_capacity(total * m);
    for &(p, s) in layers {
        let layer = das_dennis(m, p)?;
        let shift = (1.0 - s) / m as f64;
        // A layer's own rows are at least s·√2/p apart; only a layer shrunk to (nearly) a
        // point can duplicate itself, so only then are its rows compared with each other.
        let self_check = p > 0 && s * std::f64::consts::SQRT_2 / p as f64 <= DUPLICATE_DISTANCE;
        let before = data.len();
        let mut row = vec![0.0; m];
        for w in layer.as_slice().chunks_exact(m) {
            for (r, &wi) in row.iter_mut().zip(w) {
                *r = wi * s + shift;
            }
            let earlier = if self_check { data.len() } else { before };
            let duplicate = data[..earlier].chunks_exact(m).any(|q| {
                let d2: f64 = q.iter().zip(&row).map(|(a, b)| (a - b) * (a - b)).sum();
                d2 <= DUPLICATE_DISTANCE * DUPLICATE_DISTANCE
            });
            if !duplicate {
                data.extend_from_slice(&row);
            }
        }
    }
    Points::from_vec(data, m)
}

/// The largest total number of directions [`multi_layer`] combines (one hundred thousand),
/// because removing duplicates compares each row with the earlier layers.
pub const MAX_MULTI_LAYER: usize = 100_000;

/// pymoo's duplicate tolerance in `find_duplicates`.
const DUPLICATE_DISTANCE: f64 = 1e-16;

#[cfg(test)]
mod tests {
    use super::*;

    fn binom(n: usize, k: usize) -> usize {
        (0..k).fold(1usize, |acc, i| acc * (n - i) / (i + 1))
    }

    #[test]
    fn counts_match_the_binomial() {
        for m in 1..=8 {
            for p in 0..=12 {
                let want = binom(m + p - 1, p);
                assert_eq!(n_das_dennis(m, p), Some(want), "m={m} p={p}");
                assert_eq!(das_dennis(m, p).unwrap().n_points(), want, "m={m} p={p}");
            }
        }
        assert_eq!(n_das_dennis(0, 3), None);
        assert_eq!(n_das_dennis(3, 12), Some(91));
        assert_eq!(n_das_dennis(10, 3), Some(220));
        assert_eq!(n_das_dennis(200, 200), None);
    }

    #[test]
    fn rows_lie_on_the_simplex_in_lexicographic_order() {
        for (m, p) in [(2, 7), (3, 12), (5, 4), (8, 3)] {
            let d = das_dennis(m, p).unwrap();
            for row in d.view().rows() {
                assert!(row.iter().all(|&v| v >= 0.0));
                assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
            let rows: Vec<&[f64]> = d.view().rows().collect();
            for pair in rows.windows(2) {
                assert!(pair[0] < pair[1], "not strictly ascending: {pair:?}");
            }
            assert_eq!(rows[0][m - 1], 1.0);
            assert_eq!(rows[rows.len() - 1][0], 1.0);
        }
    }

    #[test]
    fn small_case_by_hand() {
        let d = das_dennis(3, 2).unwrap();
        let want = [
            0.0, 0.0, 1.0, 0.0, 0.5, 0.5, 0.0, 1.0, 0.0, 0.5, 0.0, 0.5, 0.5, 0.5, 0.0, 1.0, 0.0,
            0.0,
        ];
        assert_eq!(d.as_slice(), &want);
        assert_eq!(das_dennis(1, 5).unwrap().as_slice(), &[1.0]);
        assert_eq!(das_dennis(4, 0).unwrap().as_slice(), &[0.25; 4]);
    }

    #[test]
    fn refuses_blow_up_and_zero_objectives() {
        let e = das_dennis(20, 30).unwrap_err();
        assert!(e.to_string().contains("limit"), "{e}");
        assert!(das_dennis(0, 3).is_err());
        assert!(multi_layer(3, &[]).is_err());
        assert!(multi_layer(3, &[(2, 1.5)]).is_err());
        assert!(multi_layer(3, &[(2, f64::NAN)]).is_err());
        assert!(multi_layer(3, &[(500, 1.0)]).is_err());
    }

    #[test]
    fn multi_layer_by_hand() {
        // Outer layer p = 2 and inner layer p = 1 at half scale, as pymoo builds it.
        let ml = multi_layer(3, &[(2, 1.0), (1, 0.5)]).unwrap();
        assert_eq!(ml.n_points(), 9);
        assert_eq!(ml.row(5), &[1.0, 0.0, 0.0]);
        let sixth = 0.5 / 3.0;
        assert_eq!(ml.row(6), &[sixth, sixth, 0.5 + sixth]);
        // The same layer twice is removed, and a zero-scale layer is the centroid alone.
        assert_eq!(multi_layer(3, &[(2, 1.0), (2, 1.0)]).unwrap().n_points(), 6);
        let c = multi_layer(3, &[(4, 0.0)]).unwrap();
        assert_eq!(c.n_points(), 1);
        for row in ml.view().rows() {
            assert!(row.iter().all(|&v| v >= 0.0));
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }

    /// Parses `tests/data/reference_directions_expected.txt` into (header, rows) pairs.
    fn pymoo_sets() -> Vec<(Vec<String>, Vec<Vec<f64>>)> {
        let text = include_str!("../../tests/data/reference_directions_expected.txt");
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        let mut out = Vec::new();
        while let Some(header) = lines.next() {
            let h: Vec<String> = header.split_whitespace().map(String::from).collect();
            let n: usize = match h[0].as_str() {
                "das_dennis" => h[3].parse().unwrap(),
                _ => h[2].parse().unwrap(),
            };
            let rows = (0..n)
                .map(|_| {
                    let l = lines.next().unwrap();
                    l.split_whitespace().map(|v| v.parse().unwrap()).collect()
                })
                .collect();
            out.push((h, rows));
        }
        out
    }

    fn sorted(mut rows: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
        rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
        rows
    }

    #[test]
    fn equals_pymoo_output() {
        let sets = pymoo_sets();
        assert_eq!(sets.len(), 12);
        for (h, want) in sets {
            let m: usize = h[1].parse().unwrap();
            let got = if h[0] == "das_dennis" {
                das_dennis(m, h[2].parse().unwrap()).unwrap()
            } else {
                let layers: Vec<(usize, f64)> = h[3..]
                    .iter()
                    .map(|spec| {
                        let (p, s) = spec.split_once(':').unwrap();
                        (p.parse().unwrap(), s.parse().unwrap())
                    })
                    .collect();
                multi_layer(m, &layers).unwrap()
            };
            let got: Vec<Vec<f64>> = got.view().rows().map(<[f64]>::to_vec).collect();
            if h[0] == "das_dennis" {
                // Same values in the same order.
                assert_eq!(got, want, "{h:?}");
            } else {
                // pymoo keeps the layers in order too; compare as sets to the last bit.
                assert_eq!(got.len(), want.len(), "{h:?}");
                assert_eq!(sorted(got), sorted(want), "{h:?}");
            }
        }
    }
}
