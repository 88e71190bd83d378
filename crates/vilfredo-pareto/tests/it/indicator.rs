//! Quality indicators: hand-computed cases, committed moocore/pymoo values, errors and
//! invariants.

// Fixture helpers outside `#[test]` functions may unwrap and panic too.
#![allow(clippy::unwrap_used, clippy::panic)]

use proptest::prelude::*;
use vilfredo_core::{Error, Points, PointsView};
use vilfredo_pareto::indicator::{
    avg_hausdorff, epsilon_additive, epsilon_multiplicative, gd, gd_plus, igd, igd_plus, r2,
    spacing,
};

fn pts(rows: &[&[f64]]) -> Points {
    Points::from_rows(rows, rows[0].len()).unwrap()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn moocore_documentation_example() {
    // The example of moocore's `igd_plus` and `epsilon_additive` docstrings.
    let dat = pts(&[&[3.5, 5.5], &[3.6, 4.1], &[4.1, 3.2], &[5.5, 1.5]]);
    let refs = pts(&[
        &[1.0, 6.0],
        &[2.0, 5.0],
        &[3.0, 4.0],
        &[4.0, 3.0],
        &[5.0, 2.0],
        &[6.0, 1.0],
    ]);
    let (a, r) = (dat.view(), refs.view());
    assert!(close(igd(a, r).unwrap(), 1.0627908666722465, 1e-14));
    assert!(close(igd_plus(a, r).unwrap(), 0.9855036468106652, 1e-14));
    assert!(close(
        avg_hausdorff(a, r, 1.0).unwrap(),
        1.0627908666722465,
        1e-14
    ));
    assert_eq!(epsilon_additive(a, r).unwrap(), 2.5);
    assert_eq!(epsilon_multiplicative(a, r).unwrap(), 3.5);
}

#[test]
fn igd_plus_fixes_ishibuchi_example_4() {
    // Ishibuchi et al. (2015), example 4: A is better than B, IGD says otherwise, IGD+ agrees.
    let r = pts(&[
        &[10.0, 0.0],
        &[6.0, 1.0],
        &[2.0, 2.0],
        &[1.0, 6.0],
        &[0.0, 10.0],
    ]);
    let a = pts(&[&[4.0, 2.0], &[3.0, 3.0], &[2.0, 4.0]]);
    let b = pts(&[&[8.0, 2.0], &[4.0, 4.0], &[2.0, 8.0]]);
    assert!(close(
        igd(a.view(), r.view()).unwrap(),
        3.707092031609239,
        1e-14
    ));
    assert!(close(
        igd(b.view(), r.view()).unwrap(),
        2.59148346584763,
        1e-14
    ));
    assert!(close(
        igd_plus(a.view(), r.view()).unwrap(),
        1.482842712474619,
        1e-14
    ));
    assert!(close(
        igd_plus(b.view(), r.view()).unwrap(),
        2.260112615949154,
        1e-14
    ));
}

#[test]
fn hand_computed_distances() {
    // One point at the origin against two unit points: 1 away from each in Euclid, but
    // better-or-equal in every objective, so the modified distances vanish.
    let a = pts(&[&[0.0, 0.0]]);
    let r = pts(&[&[1.0, 0.0], &[0.0, 1.0]]);
    assert_eq!(igd(a.view(), r.view()).unwrap(), 1.0);
    assert_eq!(gd(a.view(), r.view()).unwrap(), 1.0);
    assert_eq!(igd_plus(a.view(), r.view()).unwrap(), 0.0);
    assert_eq!(gd_plus(a.view(), r.view()).unwrap(), 0.0);
    assert_eq!(epsilon_additive(a.view(), r.view()).unwrap(), 0.0);

    // GD averages over the points, IGD over the front: two points at distances 3 and 4
    // (3-4-5 triangles) from the single reference point.
    let a = pts(&[&[3.0, 0.0], &[0.0, 4.0]]);
    let r = pts(&[&[0.0, 0.0]]);
    assert_eq!(gd(a.view(), r.view()).unwrap(), 3.5);
    assert_eq!(gd_plus(a.view(), r.view()).unwrap(), 3.5);
    assert_eq!(igd(a.view(), r.view()).unwrap(), 3.0);
    assert_eq!(epsilon_additive(a.view(), r.view()).unwrap(), 3.0);
    // Δ₂ = max(sqrt((9 + 16) / 2), 3).
    assert!(close(
        avg_hausdorff(a.view(), r.view(), 2.0).unwrap(),
        12.5f64.sqrt(),
        1e-15
    ));

    let a = pts(&[&[2.0, 3.0], &[4.0, 1.0]]);
    let r = pts(&[&[1.0, 1.0]]);
    // min over a of max(a/r) = min(3, 4).
    assert_eq!(epsilon_multiplicative(a.view(), r.view()).unwrap(), 3.0);
}

#[test]
fn r2_hand_computed() {
    let a = pts(&[&[1.0, 3.0], &[3.0, 1.0]]);
    let w = pts(&[&[1.0, 0.0], &[0.0, 1.0], &[0.5, 0.5]]);
    // λ = (1,0): min(1, 3) = 1; λ = (0,1): 1; λ = (½,½): min(1.5, 1.5) = 1.5.
    let v = r2(a.view(), w.view(), &[0.0, 0.0]).unwrap();
    assert!(close(v, 3.5 / 3.0, 1e-15), "{v}");
    // Shifting the ideal point changes |z − a|.
    let v = r2(a.view(), w.view(), &[1.0, 1.0]).unwrap();
    // λ = (1,0): min(0, 2) = 0; λ = (0,1): 0; λ = (½,½): min(1, 1) = 1.
    assert!(close(v, 1.0 / 3.0, 1e-15), "{v}");
    // Adding a point never increases R2.
    let more = pts(&[&[1.0, 3.0], &[3.0, 1.0], &[1.5, 1.5]]);
    assert!(r2(more.view(), w.view(), &[0.0, 0.0]).unwrap() < 3.5 / 3.0);
}

#[test]
fn spacing_hand_computed() {
    // Evenly spaced on a line: every L1 nearest-neighbour distance is 2.
    let even = pts(&[&[0.0, 3.0], &[1.0, 2.0], &[2.0, 1.0], &[3.0, 0.0]]);
    assert_eq!(spacing(even.view()).unwrap(), 0.0);
    // d = (1, 1, 2): mean 4/3, squared deviations sum to 2/3, divided by n − 1 = 2.
    let uneven = pts(&[&[0.0, 0.0], &[1.0, 0.0], &[3.0, 0.0]]);
    assert!(close(
        spacing(uneven.view()).unwrap(),
        (1.0f64 / 3.0).sqrt(),
        1e-15
    ));
}

#[test]
fn errors_name_the_problem() {
    let a2 = pts(&[&[1.0, 2.0]]);
    let a3 = pts(&[&[1.0, 2.0, 3.0]]);
    let empty = Points::empty(2).unwrap();
    type Ind = fn(PointsView<'_>, PointsView<'_>) -> vilfredo_core::Result<f64>;
    let all: [(&str, Ind); 6] = [
        ("igd", igd),
        ("igd_plus", igd_plus),
        ("gd", gd),
        ("gd_plus", gd_plus),
        ("eps_add", epsilon_additive),
        ("eps_mult", epsilon_multiplicative),
    ];
    for (name, f) in all {
        assert!(
            matches!(
                f(a2.view(), a3.view()),
                Err(Error::DimensionMismatch {
                    expected: 2,
                    found: 3,
                    ..
                })
            ),
            "{name}"
        );
        let e = f(empty.view(), a2.view()).unwrap_err();
        assert!(
            e.to_string().contains("points") && e.to_string().contains("empty"),
            "{name}: {e}"
        );
        let e = f(a2.view(), empty.view()).unwrap_err();
        assert!(e.to_string().contains("reference front"), "{name}: {e}");
    }
    let zero = pts(&[&[1.0, 0.0]]);
    let e = epsilon_multiplicative(zero.view(), a2.view()).unwrap_err();
    assert!(e.to_string().contains("row 0, column 1"), "{e}");
    let e = epsilon_multiplicative(a2.view(), pts(&[&[-1.0, 1.0]]).view()).unwrap_err();
    assert!(e.to_string().contains("reference front"), "{e}");

    assert!(avg_hausdorff(a2.view(), a2.view(), 0.0).is_err());
    assert!(avg_hausdorff(a2.view(), a2.view(), f64::NAN).is_err());
    assert!(spacing(a2.view()).is_err());
    assert!(spacing(empty.view()).is_err());

    let w = pts(&[&[0.5, 0.5]]);
    assert!(r2(a2.view(), w.view(), &[0.0]).is_err());
    assert!(r2(a2.view(), a3.view(), &[0.0, 0.0]).is_err());
    assert!(r2(empty.view(), w.view(), &[0.0, 0.0]).is_err());
    assert!(r2(a2.view(), pts(&[&[0.5, -0.5]]).view(), &[0.0, 0.0]).is_err());
    assert!(r2(a2.view(), w.view(), &[0.0, f64::INFINITY]).is_err());
}

/// One case of `tests/data/indicator_expected.txt`.
struct Case {
    points: Points,
    front: Points,
    expected: Vec<(String, f64)>,
}

fn read_set(lines: &mut std::str::Lines<'_>, header: &str, name: &str, m: usize) -> Points {
    let mut it = header.split_whitespace();
    assert_eq!(it.next(), Some(name));
    let n: usize = it.next().unwrap().parse().unwrap();
    let mut data = Vec::with_capacity(n * m);
    for _ in 0..n {
        data.extend(
            lines
                .next()
                .unwrap()
                .split_whitespace()
                .map(|v| v.parse::<f64>().unwrap()),
        );
    }
    Points::from_vec(data, m).unwrap()
}

fn cases() -> Vec<Case> {
    let text = include_str!("../data/indicator_expected.txt");
    let mut lines = text.lines();
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let m: usize = line.strip_prefix("case ").unwrap().trim().parse().unwrap();
        let h = lines.next().unwrap();
        let points = read_set(&mut lines, h, "points", m);
        let h = lines.next().unwrap();
        let front = read_set(&mut lines, h, "front", m);
        let mut expected = Vec::new();
        for l in lines.by_ref() {
            if l == "end" {
                break;
            }
            let (k, v) = l.split_once(' ').unwrap();
            expected.push((k.to_string(), v.parse().unwrap()));
        }
        out.push(Case {
            points,
            front,
            expected,
        });
    }
    out
}

#[test]
fn matches_committed_moocore_and_pymoo_values() {
    let cases = cases();
    assert_eq!(cases.len(), 5);
    for (i, c) in cases.iter().enumerate() {
        let (a, r) = (c.points.view(), c.front.view());
        assert!(c.expected.len() >= 8);
        for (name, want) in &c.expected {
            let got = match name.as_str() {
                "igd" => igd(a, r),
                "igd_plus" => igd_plus(a, r),
                "gd" => gd(a, r),
                "gd_plus" => gd_plus(a, r),
                "epsilon_additive" => epsilon_additive(a, r),
                "epsilon_multiplicative" => epsilon_multiplicative(a, r),
                "avg_hausdorff_1" => avg_hausdorff(a, r, 1.0),
                "avg_hausdorff_2" => avg_hausdorff(a, r, 2.0),
                // pymoo divides by n, Schott by n − 1.
                "spacing_pymoo" => {
                    let n = a.n_points() as f64;
                    spacing(a).map(|s| s * ((n - 1.0) / n).sqrt())
                }
                other => panic!("unknown indicator {other}"),
            }
            .unwrap();
            assert!(
                close(got, *want, 1e-12),
                "case {i} {name}: got {got}, want {want}"
            );
        }
    }
}

/// A set of `n` points with `m` objectives in `[0.1, 10]` (positive, for ε×).
fn set(m: usize, n: std::ops::Range<usize>) -> impl Strategy<Value = Points> {
    prop::collection::vec(prop::collection::vec(0.1f64..10.0, m), n)
        .prop_map(move |rows| Points::from_rows(&rows, m).unwrap())
}

fn two_sets() -> impl Strategy<Value = (Points, Points)> {
    (1usize..=5).prop_flat_map(|m| (set(m, 1..12), set(m, 1..12)))
}

fn reversed(p: &Points) -> Points {
    let idx: Vec<usize> = (0..p.n_points()).rev().collect();
    p.select(&idx)
}

proptest! {
    #[test]
    fn plus_variants_are_at_most_plain((a, r) in two_sets()) {
        let (a, r) = (a.view(), r.view());
        prop_assert!(igd_plus(a, r).unwrap() <= igd(a, r).unwrap() + 1e-12);
        prop_assert!(gd_plus(a, r).unwrap() <= gd(a, r).unwrap() + 1e-12);
        let h = avg_hausdorff(a, r, 1.0).unwrap();
        prop_assert!(close(h, gd(a, r).unwrap().max(igd(a, r).unwrap()), 1e-12));
    }

    #[test]
    fn epsilon_of_a_set_against_itself((a, _r) in two_sets()) {
        prop_assert_eq!(epsilon_additive(a.view(), a.view()).unwrap(), 0.0);
        prop_assert_eq!(epsilon_multiplicative(a.view(), a.view()).unwrap(), 1.0);
        prop_assert_eq!(igd(a.view(), a.view()).unwrap(), 0.0);
        prop_assert_eq!(igd_plus(a.view(), a.view()).unwrap(), 0.0);
    }

    #[test]
    fn a_dominating_set_has_nonpositive_epsilon(
        (r, shrink) in (1usize..=5).prop_flat_map(|m| {
            set(m, 1..12).prop_flat_map(move |r| {
                let n = r.n_points() * r.n_obj();
                (Just(r), prop::collection::vec(0.5f64..=1.0, n))
            })
        })
    ) {
        // Every reference point shrunk toward 0 coordinate-wise: weakly dominates it.
        let data: Vec<f64> = r.as_slice().iter().zip(&shrink).map(|(v, s)| v * s).collect();
        let a = Points::from_vec(data, r.n_obj()).unwrap();
        prop_assert!(epsilon_additive(a.view(), r.view()).unwrap() <= 0.0);
        prop_assert!(epsilon_multiplicative(a.view(), r.view()).unwrap() <= 1.0);
        prop_assert_eq!(igd_plus(a.view(), r.view()).unwrap(), 0.0);
    }

    #[test]
    fn invariant_to_point_order((a, r) in two_sets()) {
        let (ra, rr) = (reversed(&a), reversed(&r));
        let (a, r, ra, rr) = (a.view(), r.view(), ra.view(), rr.view());
        prop_assert!(close(igd(a, r).unwrap(), igd(ra, rr).unwrap(), 1e-12));
        prop_assert!(close(igd_plus(a, r).unwrap(), igd_plus(ra, rr).unwrap(), 1e-12));
        prop_assert!(close(gd(a, r).unwrap(), gd(ra, rr).unwrap(), 1e-12));
        prop_assert!(close(gd_plus(a, r).unwrap(), gd_plus(ra, rr).unwrap(), 1e-12));
        // Max/min of the same numbers: exactly equal.
        prop_assert_eq!(epsilon_additive(a, r).unwrap(), epsilon_additive(ra, rr).unwrap());
        prop_assert_eq!(
            epsilon_multiplicative(a, r).unwrap(),
            epsilon_multiplicative(ra, rr).unwrap()
        );
        if a.n_points() >= 2 {
            prop_assert!(close(spacing(a).unwrap(), spacing(ra).unwrap(), 1e-12));
        }
    }

    #[test]
    fn epsilon_matches_the_unpruned_definition((a, r) in two_sets()) {
        // The early exits of the kernel must not change the result.
        let naive_add = r.view().rows().map(|rr| {
            a.view().rows().map(|aa| {
                aa.iter().zip(rr).map(|(x, y)| x - y).fold(f64::NEG_INFINITY, f64::max)
            }).fold(f64::INFINITY, f64::min)
        }).fold(f64::NEG_INFINITY, f64::max);
        prop_assert_eq!(epsilon_additive(a.view(), r.view()).unwrap(), naive_add);
        let naive_mult = r.view().rows().map(|rr| {
            a.view().rows().map(|aa| {
                aa.iter().zip(rr).map(|(x, y)| x / y).fold(f64::NEG_INFINITY, f64::max)
            }).fold(f64::INFINITY, f64::min)
        }).fold(f64::NEG_INFINITY, f64::max);
        prop_assert_eq!(epsilon_multiplicative(a.view(), r.view()).unwrap(), naive_mult);
    }

    #[test]
    fn r2_is_monotone_under_adding_points((a, b) in two_sets()) {
        // R2 with the Tchebycheff utility can only improve (decrease) when points are added.
        let m = a.n_obj();
        let w = vilfredo_core::design::das_dennis(m, 3).unwrap();
        let ideal = vec![0.0; m];
        let mut union = a.as_slice().to_vec();
        union.extend_from_slice(b.as_slice());
        let u = Points::from_vec(union, m).unwrap();
        prop_assert!(r2(u.view(), w.view(), &ideal).unwrap() <= r2(a.view(), w.view(), &ideal).unwrap());
    }
}

/// The four distance indicators written as directly as their formulas, for comparison.
fn naive_distances(a: &Points, r: &Points) -> [f64; 4] {
    let euclid = |x: &[f64], y: &[f64]| -> f64 {
        x.iter()
            .zip(y)
            .map(|(p, q)| (p - q) * (p - q))
            .sum::<f64>()
            .sqrt()
    };
    let plus = |x: &[f64], y: &[f64]| -> f64 {
        x.iter()
            .zip(y)
            .map(|(p, q)| (p - q).max(0.0).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let mean_min =
        |outer: &Points, inner: &Points, d: &dyn Fn(&[f64], &[f64]) -> f64, swap: bool| {
            let total: f64 = outer
                .view()
                .rows()
                .map(|u| {
                    inner
                        .view()
                        .rows()
                        .map(|v| if swap { d(v, u) } else { d(u, v) })
                        .fold(f64::INFINITY, f64::min)
                })
                .sum();
            total / outer.n_points() as f64
        };
    [
        mean_min(r, a, &euclid, true),
        mean_min(r, a, &plus, true),
        mean_min(a, r, &euclid, false),
        mean_min(a, r, &plus, false),
    ]
}

#[test]
fn large_sets_match_the_formulas() {
    // More rows than one block of the nearest-neighbour kernel, and a size that leaves a tail.
    for (n_a, n_r, m, seed) in [(700, 300, 3, 1), (260, 1029, 2, 2), (513, 257, 6, 3)] {
        let a = Points::from_vec(vilfredo_core::rng::uniform_points(n_a, m, seed), m).unwrap();
        let r = Points::from_vec(vilfredo_core::rng::sphere_points(n_r, m, seed + 10), m).unwrap();
        let want = naive_distances(&a, &r);
        let got = [
            igd(a.view(), r.view()).unwrap(),
            igd_plus(a.view(), r.view()).unwrap(),
            gd(a.view(), r.view()).unwrap(),
            gd_plus(a.view(), r.view()).unwrap(),
        ];
        for k in 0..4 {
            assert!(
                close(got[k], want[k], 1e-12),
                "{n_a}x{n_r} m={m} #{k}: {got:?} vs {want:?}"
            );
        }
    }
}
