//! Exact hypervolume: hand-computed cases, agreement with inclusion–exclusion and between
//! kernels, invariants, and input validation.

use proptest::prelude::*;
use vilfredo_core::rng::{bench_seed, sphere_points};
use vilfredo_pareto::hypervolume::reference::{
    hypervolume_inclusion_exclusion, hypervolume_recursive,
};
use vilfredo_pareto::{Error, PointsView, hypervolume};

#[allow(clippy::unwrap_used)] // a test helper: the inputs are built valid
fn hv(data: &[f64], ref_point: &[f64]) -> f64 {
    hypervolume(PointsView::new(data, ref_point.len()).unwrap(), ref_point).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-300) + 1e-15
}

fn assert_close(a: f64, b: f64) {
    assert!(close(a, b), "{a} != {b} (diff {})", a - b);
}

#[test]
fn hv_of_empty_set_is_zero() {
    for m in 1..=7 {
        assert_eq!(hv(&[], &vec![1.0; m]), 0.0);
    }
}

#[test]
fn hv_1d_is_the_longest_interval() {
    assert_eq!(hv(&[3.0, 1.0, 2.0, 7.0], &[5.0]), 4.0);
    assert_eq!(hv(&[5.0, 6.0], &[5.0]), 0.0);
}

#[test]
fn hv_2d_hand_computed() {
    // Staircase (1,3), (2,2), (3,1) under ref (4,4), as horizontal slabs:
    // (4−1)(4−3) + (4−2)(3−2) + (4−3)(2−1) = 3 + 2 + 1 = 6.
    assert_eq!(hv(&[1.0, 3.0, 2.0, 2.0, 3.0, 1.0], &[4.0, 4.0]), 6.0);
    // A dominated point and a duplicate change nothing.
    let with_extra = [1.0, 3.0, 2.0, 2.0, 3.0, 1.0, 3.0, 3.0, 2.0, 2.0];
    assert_eq!(hv(&with_extra, &[4.0, 4.0]), 6.0);
    // Points on or beyond the reference add nothing.
    assert_eq!(hv(&[4.0, 0.0, 0.0, 4.0, 5.0, 5.0], &[4.0, 4.0]), 0.0);
}

#[test]
fn hv_3d_hand_computed() {
    // One box: 2·3·4.
    assert_eq!(hv(&[0.0, 0.0, 0.0], &[2.0, 3.0, 4.0]), 24.0);
    // Boxes [1,2]×[0,2]×[0,2] and [0,2]×[1,2]×[0,2]: 4 + 4 − 2 = 6.
    assert_eq!(hv(&[1.0, 0.0, 0.0, 0.0, 1.0, 0.0], &[2.0, 2.0, 2.0]), 6.0);
    // The three unit "corner" points of a 2-cube: 3·4 − 3·2 + 1 = 7.
    let corners = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
    assert_eq!(hv(&corners, &[2.0, 2.0, 2.0]), 7.0);
}

#[test]
fn hv_4d_and_5d_hand_computed() {
    // The m unit "corner" points of a 2-cube in m dimensions: by inclusion–exclusion
    // Σ_k (−1)^{k+1} C(m,k) 2^{m−k} = 2^m − 1.
    for m in 4..=7 {
        let mut pts = vec![0.0; m * m];
        for i in 0..m {
            pts[i * m + i] = 1.0;
        }
        let expected = 2f64.powi(m as i32) - 1.0;
        assert_eq!(hv(&pts, &vec![2.0; m]), expected, "m = {m}");
    }
}

#[test]
#[allow(clippy::excessive_precision)] // moocore's values, digit for digit
fn hv_matches_moocore_on_bench_inputs() {
    // moocore 0.3.2, `moocore.hypervolume(X, ref=[1.1] * m)` on the shared benchmark
    // inputs (`datagen.py`, shape "front", n = 100).
    let expected = [
        (2, 4.10391947555601599e-01),
        (3, 6.47791471604141855e-01),
        (4, 8.69659321394319229e-01),
        (5, 9.09483823336150521e-01),
        (6, 9.51385039464281546e-01),
    ];
    for (m, want) in expected {
        let data = sphere_points(100, m, bench_seed(m, true));
        assert_close(hv(&data, &vec![1.1; m]), want);
    }
}

#[test]
fn hv_rejects_bad_reference_point() {
    let pts = [1.0, 2.0, 2.0, 1.0];
    let view = PointsView::new(&pts, 2).unwrap();
    assert!(matches!(
        hypervolume(view, &[3.0]),
        Err(Error::DimensionMismatch { .. })
    ));
    assert!(matches!(
        hypervolume(view, &[3.0, 3.0, 3.0]),
        Err(Error::DimensionMismatch { .. })
    ));
    assert!(matches!(
        hypervolume(view, &[3.0, f64::NAN]),
        Err(Error::NonFinite { column: 1, .. })
    ));
    assert!(matches!(
        hypervolume(view, &[f64::INFINITY, 3.0]),
        Err(Error::NonFinite { column: 0, .. })
    ));
}

/// A point set of `n` rows of `m` values: either continuous in [0, 1) or on the integer
/// grid 0..=3 (to force ties and duplicates), with reference 1.1 or 3 respectively (so
/// some grid points fail to beat the reference).
fn point_set(max_n: usize, max_m: usize) -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    point_set_between(max_n, 1, max_m)
}

/// [`point_set`] with between `min_m` and `max_m` objectives.
fn point_set_between(
    max_n: usize,
    min_m: usize,
    max_m: usize,
) -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (min_m..=max_m, 0..=max_n, any::<bool>()).prop_flat_map(|(m, n, grid)| {
        let value = if grid {
            (0u8..=3).prop_map(f64::from).boxed()
        } else {
            (0.0..1.0f64).boxed()
        };
        let r = if grid { 3.0 } else { 1.1 };
        (prop::collection::vec(value, n * m), Just(vec![r; m]))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn hv_equals_inclusion_exclusion((data, r) in point_set(8, 6)) {
        let want = hypervolume_inclusion_exclusion(&data, &r);
        let got = hv(&data, &r);
        prop_assert!((got - want).abs() <= 1e-10 * want.abs().max(1.0), "{got} vs {want}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn hv_specialised_kernels_agree_with_general_recursion((data, r) in point_set(40, 6)) {
        let got = hv(&data, &r);
        for base in 1..=4 {
            let want = hypervolume_recursive(&data, &r, base);
            prop_assert!((got - want).abs() <= 1e-10 * want.abs().max(1.0),
                "base {base}: {got} vs {want}");
        }
    }

    /// Six to eight objectives: the general sweep over several levels, limited sets with
    /// tied top slabs and the early stops of the five-objective kernel, against the same
    /// sweep run down to three objectives.
    #[test]
    fn hv_deep_recursion_agrees_with_plain_sweep((data, r) in point_set_between(24, 6, 8)) {
        let got = hv(&data, &r);
        let want = hypervolume_recursive(&data, &r, 3);
        prop_assert!((got - want).abs() <= 1e-10 * want.abs().max(1.0), "{got} vs {want}");
    }

    #[test]
    fn hv_never_decreases_when_a_point_is_added(
        (data, r) in point_set(20, 6),
        extra in prop::collection::vec(0.0..1.2f64, 6),
    ) {
        let m = r.len();
        let before = hv(&data, &r);
        let mut more = data.clone();
        more.extend_from_slice(&extra[..m]);
        let after = hv(&more, &r);
        prop_assert!(after >= before - 1e-12 * before.max(1.0), "{after} < {before}");
    }

    #[test]
    fn hv_ignores_a_dominated_point(
        (data, r) in point_set(20, 6),
        pick in any::<prop::sample::Index>(),
        worse in prop::collection::vec(0.0..0.5f64, 6),
    ) {
        let m = r.len();
        prop_assume!(!data.is_empty());
        let i = pick.index(data.len() / m);
        let before = hv(&data, &r);
        let mut more = data.clone();
        // A copy of row i pushed away from the origin in every objective: dominated (or a
        // duplicate when the shift is 0).
        let row: Vec<f64> = data[i * m..(i + 1) * m].iter().zip(&worse).map(|(x, w)| x + w).collect();
        more.extend_from_slice(&row);
        prop_assert!((hv(&more, &r) - before).abs() <= 1e-12 * before.max(1.0));
    }

    #[test]
    fn hv_is_permutation_invariant((data, r) in point_set(30, 6), shift in 0usize..30) {
        let m = r.len();
        let rows: Vec<&[f64]> = data.chunks_exact(m).collect();
        let mut permuted: Vec<f64> = Vec::with_capacity(data.len());
        if !rows.is_empty() {
            let k = shift % rows.len();
            for row in rows[k..].iter().chain(&rows[..k]).rev() {
                permuted.extend_from_slice(row);
            }
        }
        let a = hv(&data, &r);
        let b = hv(&permuted, &r);
        prop_assert!((a - b).abs() <= 1e-12 * a.max(1.0), "{a} vs {b}");
    }

    #[test]
    fn hv_ignores_points_that_do_not_beat_the_reference(
        (data, r) in point_set(20, 6),
        col in 0usize..6,
        beyond in 0.0..2.0f64,
        base in prop::collection::vec(0.0..1.0f64, 6),
    ) {
        let m = r.len();
        let col = col % m;
        let mut outside = base[..m].to_vec();
        outside[col] = r[col] + beyond; // on or past the reference in one objective
        let mut more = data.clone();
        more.extend_from_slice(&outside);
        prop_assert_eq!(hv(&more, &r), hv(&data, &r));
    }
}
