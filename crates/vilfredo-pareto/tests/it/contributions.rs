//! Exclusive hypervolume contributions against a brute-force inclusion–exclusion oracle.

use proptest::prelude::*;
use vilfredo_core::rng::{bench_seed, sphere_points, uniform_points};
use vilfredo_pareto::hypervolume::{ContributionConfig, hv_contributions_with};
use vilfredo_pareto::{Error, PointsView, hv_contributions, hypervolume};

/// Hypervolume by inclusion–exclusion over all subsets (exact on small integer grids).
fn hv_ie(rows: &[Vec<f64>], r: &[f64]) -> f64 {
    let n = rows.len();
    let mut total = 0.0;
    for mask in 1u32..(1 << n) {
        let mut corner: Vec<f64> = vec![f64::NEG_INFINITY; r.len()];
        for (i, row) in rows.iter().enumerate() {
            if mask & (1 << i) != 0 {
                for (c, v) in corner.iter_mut().zip(row) {
                    *c = c.max(*v);
                }
            }
        }
        let vol: f64 = corner
            .iter()
            .zip(r)
            .map(|(c, b)| (b - c).max(0.0))
            .product();
        if mask.count_ones() % 2 == 1 {
            total += vol;
        } else {
            total -= vol;
        }
    }
    total
}

fn brute_contributions(rows: &[Vec<f64>], r: &[f64]) -> Vec<f64> {
    let all = hv_ie(rows, r);
    (0..rows.len())
        .map(|i| {
            let rest: Vec<Vec<f64>> = rows
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, row)| row.clone())
                .collect();
            all - hv_ie(&rest, r)
        })
        .collect()
}

fn dominates(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x <= y) && a.iter().zip(b).any(|(x, y)| x < y)
}

fn flat(rows: &[Vec<f64>]) -> Vec<f64> {
    rows.iter().flatten().copied().collect()
}

fn assert_close(got: &[f64], want: &[f64], rows: &[Vec<f64>]) {
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-9 * w.abs().max(1.0),
            "point {i}: got {g}, want {w}; rows {rows:?}"
        );
    }
}

/// Up to 8 points of `m` objectives on the grid {0..4}, so ties and duplicates are common,
/// with a reference point of 4 or 5 per objective (grid value 4 then fails to dominate it).
fn grid_case() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (1usize..=6).prop_flat_map(|m| {
        (
            prop::collection::vec(prop::collection::vec(0u8..=4, m), 0..=8),
            prop::collection::vec(4u8..=5, m),
        )
            .prop_map(|(rows, r)| {
                (
                    rows.into_iter()
                        .map(|row| row.into_iter().map(f64::from).collect())
                        .collect(),
                    r.into_iter().map(f64::from).collect(),
                )
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn contributions_match_inclusion_exclusion((rows, r) in grid_case()) {
        let m = r.len();
        let data = flat(&rows);
        let got = hv_contributions(PointsView::new(&data, m).unwrap(), &r).unwrap();
        assert_close(&got, &brute_contributions(&rows, &r), &rows);
    }

    #[test]
    fn ignore_dominated_matches_brute_force_on_the_front((rows, r) in grid_case()) {
        let m = r.len();
        let data = flat(&rows);
        let config = ContributionConfig { ignore_dominated: true };
        let got = hv_contributions_with(PointsView::new(&data, m).unwrap(), &r, config).unwrap();
        let kept: Vec<usize> = (0..rows.len())
            .filter(|&i| !rows.iter().any(|q| dominates(q, &rows[i])))
            .collect();
        let front: Vec<Vec<f64>> = kept.iter().map(|&i| rows[i].clone()).collect();
        let front_c = brute_contributions(&front, &r);
        let mut want = vec![0.0; rows.len()];
        for (k, &i) in kept.iter().enumerate() {
            want[i] = front_c[k];
        }
        assert_close(&got, &want, &rows);
    }

    #[test]
    fn contributions_are_invariant_under_point_order((rows, r) in grid_case()) {
        let m = r.len();
        let data = flat(&rows);
        let got = hv_contributions(PointsView::new(&data, m).unwrap(), &r).unwrap();
        let rev: Vec<Vec<f64>> = rows.iter().rev().cloned().collect();
        let rev_data = flat(&rev);
        let mut got_rev = hv_contributions(PointsView::new(&rev_data, m).unwrap(), &r).unwrap();
        got_rev.reverse();
        assert_eq!(got, got_rev);
    }
}

/// Larger sets on a grid in 2 to 5 objectives: every value is an integer, so the
/// difference of two exact hypervolumes is exact and can serve as the oracle. A coarse
/// grid makes ties, copies and dominated points common.
fn larger_grid_case() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (2usize..=5, prop::bool::ANY).prop_flat_map(|(m, coarse)| {
        let hi = match (coarse, m <= 3) {
            (true, _) => 3u8,
            (false, true) => 12,
            (false, false) => 6,
        };
        (
            prop::collection::vec(prop::collection::vec(0u8..=hi, m), 0..=60),
            Just(vec![f64::from(hi); m]),
        )
            .prop_map(|(rows, r)| {
                let rows = rows
                    .into_iter()
                    .map(|row| row.into_iter().map(f64::from).collect())
                    .collect();
                (rows, r)
            })
    })
}

/// `HV(S) − HV(S \ {p})` for every `p`, with the crate's exact hypervolume.
fn hv_differences(rows: &[Vec<f64>], r: &[f64]) -> Result<Vec<f64>, Error> {
    let m = r.len();
    let hv = |data: &[f64]| PointsView::new(data, m).and_then(|v| hypervolume(v, r));
    let all = hv(&flat(rows))?;
    (0..rows.len())
        .map(|i| {
            let rest: Vec<f64> = rows
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .flat_map(|(_, row)| row.iter().copied())
                .collect();
            Ok(all - hv(&rest)?)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn contributions_match_hypervolume_differences((rows, r) in larger_grid_case()) {
        let m = r.len();
        let data = flat(&rows);
        let got = hv_contributions(PointsView::new(&data, m).unwrap(), &r).unwrap();
        assert_close(&got, &hv_differences(&rows, &r).unwrap(), &rows);
    }

    #[test]
    fn ignore_dominated_matches_differences_on_the_front((rows, r) in larger_grid_case()) {
        let m = r.len();
        let data = flat(&rows);
        let config = ContributionConfig { ignore_dominated: true };
        let got = hv_contributions_with(PointsView::new(&data, m).unwrap(), &r, config).unwrap();
        let kept: Vec<usize> = (0..rows.len())
            .filter(|&i| !rows.iter().any(|q| dominates(q, &rows[i])))
            .collect();
        let front: Vec<Vec<f64>> = kept.iter().map(|&i| rows[i].clone()).collect();
        let front_c = hv_differences(&front, &r).unwrap();
        let mut want = vec![0.0; rows.len()];
        for (k, &i) in kept.iter().enumerate() {
            want[i] = front_c[k];
        }
        assert_close(&got, &want, &rows);
    }
}

/// A 3-D case where one point privately dominates a long staircase of later points (the
/// incremental path of the 3-D sweep), and later neighbours on both sides cut into its
/// region, taking delimiters with them.
fn long_staircase_case() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (40usize..=70, 0usize..=12).prop_flat_map(|(k, extra)| {
        (
            prop::collection::vec((0u8..=1, 1u8..=3), k),
            prop::collection::vec((0u8..=2, 0u8..=80, 0u8..=9, 2u8..=6), extra),
        )
            .prop_map(move |(stairs, others)| {
                let mut rows = vec![vec![10.0, 10.0, 0.0]];
                for (i, (jitter, z)) in stairs.into_iter().enumerate() {
                    let x = 11.0 + i as f64;
                    let y = 10.0 + (k - i) as f64 + f64::from(jitter);
                    rows.push(vec![x, y, f64::from(z)]);
                }
                for (band, a, b, z) in others {
                    let (a, b) = (f64::from(a), f64::from(b));
                    let xy = match band {
                        0 => [10.0 + a, b],
                        1 => [b, 10.0 + a],
                        _ => [a, 10.0 * b],
                    };
                    rows.push(vec![xy[0], xy[1], f64::from(z)]);
                }
                (rows, vec![100.0, 100.0, 8.0])
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn long_private_staircases_in_3d((rows, r) in long_staircase_case()) {
        let data = flat(&rows);
        let got = hv_contributions(PointsView::new(&data, 3).unwrap(), &r).unwrap();
        assert_close(&got, &hv_differences(&rows, &r).unwrap(), &rows);
    }
}

#[test]
fn duplicates_and_dominated_points_follow_the_definition() {
    // (1,1) twice: both 0. (2,2) is dominated: 0, and it shrinks nothing else here because
    // (1,1) is its only dominator and contributes 0 anyway. (0,3) contributes 1x1.
    let data = [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 0.0, 3.0, 5.0, 0.0];
    let got = hv_contributions(PointsView::new(&data, 2).unwrap(), &[4.0, 4.0]).unwrap();
    assert_eq!(got, vec![0.0, 0.0, 0.0, 1.0, 0.0]);
    // A dominated point shrinks its only dominator: (1,1) alone has 9, with (2,2) it has 5.
    let data = [1.0, 1.0, 2.0, 2.0];
    let got = hv_contributions(PointsView::new(&data, 2).unwrap(), &[4.0, 4.0]).unwrap();
    assert_eq!(got, vec![5.0, 0.0]);
    let config = ContributionConfig {
        ignore_dominated: true,
    };
    let got =
        hv_contributions_with(PointsView::new(&data, 2).unwrap(), &[4.0, 4.0], config).unwrap();
    assert_eq!(got, vec![9.0, 0.0]);
}

#[test]
fn empty_input_gives_empty_output() {
    for m in 1..=5 {
        let got = hv_contributions(PointsView::new(&[], m).unwrap(), &vec![1.0; m]).unwrap();
        assert!(got.is_empty());
    }
}

#[test]
fn wrong_reference_point_is_an_error() {
    let data = [0.5, 0.5, 0.5];
    let view = PointsView::new(&data, 3).unwrap();
    assert!(matches!(
        hv_contributions(view, &[1.0, 1.0]),
        Err(Error::DimensionMismatch {
            expected: 3,
            found: 2,
            ..
        })
    ));
    assert!(matches!(
        hv_contributions(view, &[1.0, f64::NAN, 1.0]),
        Err(Error::NonFinite { column: 1, .. })
    ));
}

#[test]
fn contributions_scale_with_the_data() {
    for m in 1..=6 {
        let n = if m >= 5 { 30 } else { 60 };
        // On the sphere every 1-D point is 1.0; use uniform points there.
        let data = if m == 1 {
            uniform_points(n, m, bench_seed(m, false))
        } else {
            sphere_points(n, m, bench_seed(m, true))
        };
        let r = vec![1.1; m];
        let base = hv_contributions(PointsView::new(&data, m).unwrap(), &r).unwrap();
        assert!(base.iter().any(|&c| c > 0.0));
        for factor in [1e-6, 1e6] {
            let scaled: Vec<f64> = data.iter().map(|v| v * factor).collect();
            let sr: Vec<f64> = r.iter().map(|v| v * factor).collect();
            let got = hv_contributions(PointsView::new(&scaled, m).unwrap(), &sr).unwrap();
            let f = factor.powi(m as i32);
            for (i, (g, b)) in got.iter().zip(&base).enumerate() {
                let want = b * f;
                assert!(
                    (g - want).abs() <= 1e-9 * want.abs(),
                    "m={m} factor={factor} point {i}: {g} vs {want}"
                );
            }
        }
    }
}

#[test]
fn sphere_contributions_match_inclusion_exclusion() {
    // Continuous data (no ties) as a complement to the integer grids.
    for m in 2..=6 {
        let data = sphere_points(8, m, bench_seed(m, true) + 7);
        let rows: Vec<Vec<f64>> = data.chunks_exact(m).map(<[f64]>::to_vec).collect();
        let r = vec![1.1; m];
        let got = hv_contributions(PointsView::new(&data, m).unwrap(), &r).unwrap();
        let want = brute_contributions(&rows, &r);
        for (g, w) in got.iter().zip(&want) {
            assert!(
                (g - w).abs() <= 1e-9 * w.abs().max(1e-3),
                "m={m}: {g} vs {w}"
            );
        }
    }
}
